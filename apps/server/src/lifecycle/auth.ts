/**
 * Authentication in the server: one Auth per process, shared by the API
 * and the collector (so revoking a key through the API stops its exports
 * at once), the project of an OTLP export, and the admin secret's
 * first-start banner.
 */
import { type Auth, createAuth, ensureAdminSecret } from '@assay/api'
import { type RequestMetadata, Unauthenticated } from '@assay/collector'
import type { Config } from '../config/config.js'
import type { Logger } from '../logger.js'
import type { Storage } from './storage.js'

export function createServerAuth(config: Config, storage: Storage, logger: Logger): Auth {
  return createAuth({
    db: storage.postgres.db,
    required: config.auth.required,
    adminSecret: config.auth.adminSecret,
    keys: { onError: (err) => logger.warn({ err }, 'api key last-used time not recorded') },
  })
}

/**
 * The project an export writes to: with auth on, its key's (Bearer or
 * Basic, in HTTP headers or gRPC metadata; it needs the `ingest` scope);
 * with auth off, the default project. A missing or bad key is
 * Unauthenticated: 401 over HTTP, UNAUTHENTICATED over gRPC.
 */
export function exportProjectOf(auth: Auth, defaultProjectId: string) {
  return async (metadata: RequestMetadata): Promise<string> => {
    if (!auth.required) return defaultProjectId
    const key = await auth.keyOf(metadata.authorization)
    if (!key) throw new Unauthenticated('missing, invalid or revoked API key')
    if (!key.scopes.includes('ingest') && !key.scopes.includes('admin'))
      throw new Unauthenticated("this API key lacks the 'ingest' scope")
    return key.projectId
  }
}

/**
 * With auth on and no ASSAY_ADMIN_SECRET, the first start generates the
 * admin secret and prints it once, on stderr, outside the JSON log (which
 * never carries it). Later starts find its hash and print nothing.
 */
export async function showAdminSecretOnce(config: Config, storage: Storage, logger: Logger): Promise<void> {
  if (!config.auth.required || config.auth.adminSecret !== undefined) return
  const secret = await ensureAdminSecret(storage.postgres.db)
  if (secret === null) return
  const rule = '='.repeat(72)
  process.stderr.write(
    [
      rule,
      '  Assay admin secret (shown once; it is stored only as a hash):',
      '',
      `      ${secret}`,
      '',
      '  Sign in to the dashboard with it. Set ASSAY_ADMIN_SECRET to choose your own.',
      rule,
      '',
    ].join('\n'),
  )
  logger.info('admin secret generated and shown on stderr')
}
