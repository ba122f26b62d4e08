/**
 * Dashboard session tokens: 256 random bits in an HTTP-only cookie. The
 * database keys a session by the token's SHA-256, so its rows are useless
 * to whoever reads them.
 */
import { createHash, randomBytes } from 'node:crypto'

export const SESSION_COOKIE = 'assay_session'
/** Sessions last a week; signing out ends one at once. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
