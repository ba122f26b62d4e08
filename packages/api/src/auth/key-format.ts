/**
 * What an API key looks like, and how a request carries one.
 *
 * A key is `ak_<12 base36 chars>_<43 base64url chars>`: the first part is
 * the public prefix (stored in clear, shown in lists, the row a request is
 * looked up by), the rest is 256 random bits of secret. Requests send it as
 * `Authorization: Bearer <key>`, or as Basic with `prefix:secret` (the
 * public/secret pair some OTLP clients are configured with) or with the
 * whole key as user or password.
 *
 * Only SHA-256 of the secret is stored. A slow password hash (scrypt) would
 * protect guessable secrets, but these are 256 random bits: no dictionary
 * helps, a brute force of 2^256 hashes is out of reach at any speed, and a
 * fast hash keeps verification off the hot path of every export.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto'

export interface KeyCredentials {
  prefix: string
  secret: string
}

const PREFIX = /^ak_[a-z0-9]{12}$/
const SECRET = /^[A-Za-z0-9_-]{43}$/
const WHOLE_KEY = /^(ak_[a-z0-9]{12})_([A-Za-z0-9_-]{43})$/
const BASE36 = 'abcdefghijklmnopqrstuvwxyz0123456789'

export interface GeneratedKey extends KeyCredentials {
  /** The whole key, as the client sends it. Shown once. */
  token: string
  secretHash: string
}

export function generateApiKey(): GeneratedKey {
  let id = ''
  for (let i = 0; i < 12; i++) id += BASE36[randomInt(BASE36.length)]
  const prefix = `ak_${id}`
  const secret = randomBytes(32).toString('base64url')
  return { prefix, secret, token: `${prefix}_${secret}`, secretHash: hashKeySecret(secret) }
}

/** Hex SHA-256 of a key's secret: what the database holds. */
export function hashKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** The key in an `Authorization` header value, or null when there is none or it is malformed. */
export function parseAuthorization(header: string | undefined | null): KeyCredentials | null {
  if (!header) return null
  const space = header.indexOf(' ')
  if (space < 0) return null
  const scheme = header.slice(0, space).toLowerCase()
  const value = header.slice(space + 1).trim()
  if (scheme === 'bearer') return parseWholeKey(value)
  if (scheme !== 'basic') return null
  let decoded: string
  try {
    decoded = Buffer.from(value, 'base64').toString('utf8')
  } catch {
    return null
  }
  const colon = decoded.indexOf(':')
  if (colon < 0) return parseWholeKey(decoded)
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  if (PREFIX.test(user) && SECRET.test(password)) return { prefix: user, secret: password }
  return parseWholeKey(user) ?? parseWholeKey(password)
}

function parseWholeKey(value: string): KeyCredentials | null {
  const match = WHOLE_KEY.exec(value)
  return match ? { prefix: match[1]!, secret: match[2]! } : null
}
