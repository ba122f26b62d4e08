import { afterAll, describe, expect, it } from 'vitest'
import type { ClickHouse } from '../../src/clickhouse/index.js'
import { migrateClickHouse } from '../../src/clickhouse/index.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

const opened: ClickHouse[] = []
afterAll(async () => {
  for (const ch of opened) await closeTestClickHouse(ch)
})

async function fresh(): Promise<ClickHouse> {
  const ch = await openTestClickHouse({ migrate: false })
  opened.push(ch)
  return ch
}

async function tables(ch: ClickHouse): Promise<string[]> {
  const r = await rows<{ name: string }>(
    ch,
    'SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name',
    {
      db: ch.database,
    },
  )
  return r.map((t) => t.name)
}

const EXPECTED_TABLES = [
  'assessments',
  'schema_migrations',
  'span_events',
  'spans',
  'trace_index',
  'trace_index_mv',
]

describe('migrateClickHouse', () => {
  it('creates every table and records each version once', async () => {
    const ch = await fresh()
    expect(await migrateClickHouse(ch)).toEqual([1, 2, 3, 4, 5])
    expect(await tables(ch)).toEqual(EXPECTED_TABLES)
    const recorded = await rows<{ version: number }>(
      ch,
      `SELECT version FROM ${ch.database}.schema_migrations ORDER BY version`,
    )
    expect(recorded.map((r) => Number(r.version))).toEqual([1, 2, 3, 4, 5])
  })

  it('is a no-op the second time', async () => {
    const ch = await fresh()
    await migrateClickHouse(ch)
    expect(await migrateClickHouse(ch)).toEqual([])
    expect(await tables(ch)).toEqual(EXPECTED_TABLES)
  })

  it('converges when two appliers run at once', async () => {
    const ch = await fresh()
    const results = await Promise.all([migrateClickHouse(ch), migrateClickHouse(ch)])
    expect(results.every((r) => r.length <= 5)).toBe(true)
    expect(await tables(ch)).toEqual(EXPECTED_TABLES)
    const versions = await rows<{ version: number }>(
      ch,
      `SELECT DISTINCT version FROM ${ch.database}.schema_migrations ORDER BY version`,
    )
    expect(versions.map((r) => Number(r.version))).toEqual([1, 2, 3, 4, 5])
    expect(await migrateClickHouse(ch)).toEqual([])
  })
})
