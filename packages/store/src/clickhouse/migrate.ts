/**
 * Applies pending ClickHouse migrations at start-up.
 *
 * Safe to run twice, and safe when several servers start at once against
 * one ClickHouse: statements are `IF NOT EXISTS`, a lost race on a create
 * is treated as success, and a version recorded twice folds away (see
 * `schema_migrations`).
 */
import type { ClickHouse } from './connect.js'
import { clickhouseMigrations } from './ddl/migrations.js'
import { schemaMigrationsStatements } from './ddl/schema-migrations.js'

/** ClickHouse error codes that mean "someone else created it first". */
const ALREADY_EXISTS = new Set(['57', '82']) // TABLE_ALREADY_EXISTS, DATABASE_ALREADY_EXISTS

/** Apply every migration not yet recorded; returns the versions this call applied. */
export async function migrateClickHouse(ch: ClickHouse): Promise<number[]> {
  const ctx = { database: ch.database, cluster: ch.cluster, retentionDays: ch.retentionDays }
  for (const statement of schemaMigrationsStatements(ctx)) await run(ch, statement)
  const applied = await appliedVersions(ch)
  const done: number[] = []
  for (const migration of clickhouseMigrations(ctx)) {
    if (applied.has(migration.version)) continue
    for (const statement of migration.statements) await run(ch, statement)
    await ch.client.insert({
      table: `${ch.database}.schema_migrations`,
      values: [{ version: migration.version, name: migration.name }],
      format: 'JSONEachRow',
    })
    done.push(migration.version)
  }
  return done
}

async function appliedVersions(ch: ClickHouse): Promise<Set<number>> {
  const rs = await ch.client.query({
    query: `SELECT DISTINCT version FROM ${ch.database}.schema_migrations`,
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{ version: number | string }>()
  return new Set(rows.map((r) => Number(r.version)))
}

async function run(ch: ClickHouse, statement: string): Promise<void> {
  try {
    await ch.client.command({ query: statement })
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (typeof code === 'string' && ALREADY_EXISTS.has(code)) return
    throw err
  }
}
