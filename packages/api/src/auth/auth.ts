/**
 * The authentication state of one process: whether credentials are
 * required, the key verifier (and its cache, shared by the API and the
 * collector so that a revocation here applies to both at once), the admin
 * secret check and the sign-in rate limiter.
 */
import type { ApiKey } from '@assay/core'
import type { AssayDb } from '@assay/store'
import { type AdminSecretCheck, adminSecretCheck } from './admin-secret.js'
import { parseAuthorization } from './key-format.js'
import { KeyVerifier, type KeyVerifierOptions } from './key-verifier.js'
import { SignInLimiter, type SignInLimiterOptions } from './sign-in-limiter.js'

export interface AuthOptions {
  db: AssayDb
  /** True when every request and export must carry credentials. */
  required: boolean
  /** `ASSAY_ADMIN_SECRET`; when absent, the stored hash of a generated secret is used. */
  adminSecret?: string
  keys?: KeyVerifierOptions
  signIns?: SignInLimiterOptions
}

export interface Auth {
  readonly required: boolean
  readonly keys: KeyVerifier
  readonly admin: AdminSecretCheck
  readonly signIns: SignInLimiter
  /** The verified key in an `Authorization` value (HTTP header or gRPC metadata); null when absent or bad. */
  keyOf(authorization: string | undefined | null): Promise<ApiKey | null>
}

export function createAuth(options: AuthOptions): Auth {
  const keys = new KeyVerifier(options.db, options.keys)
  return {
    required: options.required,
    keys,
    admin: adminSecretCheck(options.db, options.adminSecret),
    signIns: new SignInLimiter(options.signIns),
    async keyOf(authorization) {
      const credentials = parseAuthorization(authorization)
      return credentials ? keys.verify(credentials) : null
    },
  }
}
