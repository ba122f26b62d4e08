import { type ApiKey, type ApiKeyScope, CreateApiKeyInput } from '@assay/core'
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { apiKeys } from '../schema/index.js'

/**
 * API keys. The repository never sees a secret: callers (the API's auth
 * module) generate the key and pass its public prefix and the hash of its
 * secret. Every read and change a project makes is scoped by its id;
 * only `findApiKeyByPrefix` is not, because a request is authenticated
 * before its project is known.
 */

type ApiKeyRow = typeof apiKeys.$inferSelect

const millis = (d: Date | null) => (d === null ? null : d.getTime())

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.getTime(),
    lastUsedAt: millis(row.lastUsedAt),
    revokedAt: millis(row.revokedAt),
  }
}

export interface NewApiKey {
  projectId: string
  /** The public part of the key, unique across projects. */
  prefix: string
  /** A hash of the secret part; the secret itself is never stored. */
  secretHash: string
  name: string
  scopes?: ApiKeyScope[]
}

/** Stores a key; null when the project does not exist. */
export async function insertApiKey(db: AssayDb, key: NewApiKey): Promise<ApiKey | null> {
  const { name, scopes } = CreateApiKeyInput.parse({ name: key.name, scopes: key.scopes })
  try {
    const rows = await db
      .insert(apiKeys)
      .values({ projectId: key.projectId, prefix: key.prefix, secretHash: key.secretHash, name, scopes })
      .returning()
    return toApiKey(rows[0]!)
  } catch (error) {
    if (sqlState(error) === '23503') return null
    throw error
  }
}

/** What authentication needs: the key and its stored hash (revoked keys included, for a clear refusal). */
export async function findApiKeyByPrefix(
  db: AssayDb,
  prefix: string,
): Promise<{ key: ApiKey; secretHash: string } | null> {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix)).limit(1)
  return rows[0] ? { key: toApiKey(rows[0]), secretHash: rows[0].secretHash } : null
}

export async function getApiKey(db: AssayDb, projectId: string, keyId: string): Promise<ApiKey | null> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.projectId, projectId), eq(apiKeys.id, keyId)))
    .limit(1)
  return rows[0] ? toApiKey(rows[0]) : null
}

export interface ApiKeyPage {
  items: ApiKey[]
  nextCursor?: string
}

const KEYS_SCOPE = 'api-keys:created:desc'

/**
 * A project's keys, newest first, revoked ones included (with `revokedAt`).
 * The cursor is opaque and tamper-evident; a bad one throws InvalidCursorError.
 */
export async function listApiKeys(
  db: AssayDb,
  projectId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<ApiKeyPage> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
  let after: [Date, string] | undefined
  if (options.cursor !== undefined) {
    const [created, id] = decodeCursor(options.cursor, KEYS_SCOPE, [/^\d{1,15}$/, /^[\w-]{1,64}$/])
    after = [new Date(Number(created)), id!]
  }
  // Keyed on milliseconds, the precision a cursor (and a JS Date) carries;
  // a project's keys are few, so the expression costs nothing.
  const created = sql`date_trunc('milliseconds', ${apiKeys.createdAt})`
  const rows = await db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.projectId, projectId),
        after && or(lt(created, after[0]), and(eq(created, after[0]), lt(apiKeys.id, after[1]))),
      ),
    )
    .orderBy(desc(created), desc(apiKeys.id))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toApiKey)
  const last = items.at(-1)
  return rows.length > limit && last
    ? { items, nextCursor: encodeCursor(KEYS_SCOPE, [String(last.createdAt), last.id]) }
    : { items }
}

/**
 * Revokes a key of this project. Idempotent: revoking a revoked key keeps
 * its first revocation time. Null when the project has no such key.
 */
export async function revokeApiKey(db: AssayDb, projectId: string, keyId: string): Promise<ApiKey | null> {
  await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.projectId, projectId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
  return getApiKey(db, projectId, keyId)
}

/** Records that a key was used (callers throttle this; it is not on every request). */
export async function touchApiKey(db: AssayDb, keyId: string, at: Date = new Date()): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, keyId))
}

/** The SQLSTATE of a driver error, looked for along drizzle's `cause` chain. */
function sqlState(error: unknown): string | undefined {
  let current: unknown = error
  while (current && typeof current === 'object') {
    if ('code' in current && typeof current.code === 'string') return current.code
    current = 'cause' in current ? current.cause : undefined
  }
  return undefined
}
