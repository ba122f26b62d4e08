import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { Postgres } from './db.js'

/**
 * Applies the drizzle-kit migrations in `packages/store/drizzle` at
 * start-up. Idempotent: applied migrations are recorded in
 * `drizzle.__drizzle_migrations` and skipped.
 *
 * On a server, several Assay processes may start at once against the same
 * database; without a lock two migrators race on `CREATE SCHEMA` and on
 * the migration table. A session-level advisory lock, held on one
 * dedicated connection for the whole run, serializes them: the second
 * waits, then finds nothing left to do. PGlite is private to one process
 * and is one session, where an advisory lock would not exclude a second
 * caller; callers on one handle are queued in memory instead.
 */

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url))
const LOCK_KEY = 'assay:migrate'
const pgliteQueues = new WeakMap<PGlite, Promise<void>>()

export async function migratePostgres(pg: Postgres, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (pg.kind === 'pglite') {
    const client = pg.client
    const previous = pgliteQueues.get(client) ?? Promise.resolve()
    const run = previous
      .catch(() => {})
      .then(() => migratePglite(drizzlePglite({ client }), { migrationsFolder }))
    pgliteQueues.set(client, run)
    await run
    return
  }
  const connection = await pg.client.connect()
  let failure: Error | undefined
  try {
    await connection.query('select pg_advisory_lock(hashtext($1))', [LOCK_KEY])
    try {
      await migrateNodePg(drizzleNodePg({ client: connection }), { migrationsFolder })
    } finally {
      await connection.query('select pg_advisory_unlock(hashtext($1))', [LOCK_KEY])
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error))
    throw error
  } finally {
    // A connection that failed mid-way may still hold the lock: destroy it rather than pool it.
    connection.release(failure)
  }
}
