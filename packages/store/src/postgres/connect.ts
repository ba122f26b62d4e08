import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { type PostgresOptions, resolvePostgresTarget } from './config.js'
import type { Postgres } from './db.js'
import * as schema from './schema/index.js'

/**
 * Opens the metadata database: PGlite in `<dataDir>/pg` (or in memory when
 * no option is given), or a Postgres server when `url` is set. Migrations
 * are a separate step (`migratePostgres`) so a CLI can open without
 * migrating.
 *
 * @example
 * const pg = await createPostgres({ dataDir: './.assay' })
 * await migratePostgres(pg)
 * await ensureDefaultProject(pg.db)
 */
export async function createPostgres(options: PostgresOptions = {}): Promise<Postgres> {
  const target = resolvePostgresTarget(options)
  if (target.kind === 'pglite') {
    let dir: string | undefined
    if (target.dataDir !== null) {
      dir = join(target.dataDir, 'pg')
      await mkdir(dir, { recursive: true })
    }
    const client = new PGlite(dir)
    await client.waitReady
    return { kind: 'pglite', db: drizzlePglite({ client, schema }), client, close: () => client.close() }
  }
  const pool = new pg.Pool({ connectionString: target.url, connectionTimeoutMillis: 10_000 })
  // An idle connection dropped by the server emits 'error' on the pool; without a listener
  // that would crash the process. The next query gets a fresh connection instead.
  pool.on('error', () => {})
  try {
    await pool.query('select 1')
  } catch (error) {
    await pool.end().catch(() => {})
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`cannot connect to Postgres at ${target.display}: ${reason}`, { cause: error })
  }
  return {
    kind: 'postgres',
    db: drizzleNodePg({ client: pool, schema }),
    client: pool,
    close: () => pool.end(),
  }
}
