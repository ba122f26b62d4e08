import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type AssayDb, MIGRATIONS_FOLDER, migratePostgres } from '../../../src/postgres/index.js'
import { type CaseContext, closeAll } from '../harness.js'

/** Migrations apply from scratch, record themselves, and are safe to re-run, also concurrently. */

const EXPECTED_TABLES = [
  'annotation_items',
  'annotation_queues',
  'api_keys',
  'dataset_items',
  'datasets',
  'evaluation_runs',
  'evaluator_versions',
  'evaluators',
  'label_schemas',
  'logged_models',
  'online_eval_jobs',
  'online_eval_rules',
  'projects',
  'prompt_alias_history',
  'prompt_aliases',
  'prompt_versions',
  'prompts',
  'sessions',
  'users',
]

const journalEntries = (): number =>
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')).entries.length

async function tables(db: AssayDb): Promise<string[]> {
  const result = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  )
  return result.rows.map((r) => r.table_name)
}

async function appliedMigrations(db: AssayDb): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )
  return result.rows[0]!.n
}

export function migrationCases(ctx: CaseContext): void {
  describe('migrations', () => {
    it('create every table and record every migration', async () => {
      expect(await tables(ctx.pg.db)).toEqual(expect.arrayContaining(EXPECTED_TABLES))
      expect(await appliedMigrations(ctx.pg.db)).toBe(journalEntries())
    })

    it('are idempotent when applied twice more', async () => {
      await migratePostgres(ctx.pg)
      await migratePostgres(ctx.pg)
      expect(await appliedMigrations(ctx.pg.db)).toBe(journalEntries())
    })

    it('apply once when two migrators start together on an empty database', async () => {
      const handles = await ctx.harness.openEmpty(2)
      try {
        await Promise.all(handles.map((pg) => migratePostgres(pg)))
        expect(await tables(handles[0]!.db)).toEqual(expect.arrayContaining(EXPECTED_TABLES))
        expect(await appliedMigrations(handles[0]!.db)).toBe(journalEntries())
      } finally {
        await closeAll(handles)
      }
    }, 60_000)
  })
}
