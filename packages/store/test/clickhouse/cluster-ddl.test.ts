import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, clickhouseDdl } from '../../src/clickhouse/index.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse({ migrate: false })
})
afterAll(() => closeTestClickHouse(ch))

/** Parse with the engine itself; throws on any syntax error. */
async function formatQuery(statement: string): Promise<string> {
  const [row] = await rows<{ f: string }>(ch, 'SELECT formatQuery({q:String}) AS f', { q: statement })
  return row!.f
}

const clustered = clickhouseDdl({ database: 'assay', cluster: 'main', retentionDays: 30 })
const SHARDED = ['spans', 'span_events', 'assessments', 'trace_index']

describe('cluster DDL', () => {
  it('is valid ClickHouse, statement by statement', async () => {
    expect(clustered.length).toBeGreaterThan(8)
    for (const statement of clustered) {
      await expect(formatQuery(statement), statement).resolves.toContain('ON CLUSTER main')
    }
  })

  it('the engine rejects a broken statement (so the check above can fail)', async () => {
    await expect(formatQuery('CREATE TABLE x ON CLUSTER main (a String) ENGIN = MergeTree')).rejects.toThrow()
  })

  it.each(SHARDED)('%s: replicated local table and a Distributed table sharded by trace', async (table) => {
    const local = clustered.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS assay.${table}_local `))
    const distributed = clustered.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS assay.${table} `))
    expect(await formatQuery(local!)).toMatch(
      /ENGINE = Replicated(Replacing|Aggregating)MergeTree\('\/clickhouse\/tables\/\{shard\}\/assay\//,
    )
    expect(await formatQuery(distributed!)).toContain(
      `ENGINE = Distributed(main, assay, ${table}_local, cityHash64(trace_id))`,
    )
  })

  it('the materialized view reads the local spans and writes the local index', async () => {
    const view = clustered.find((s) => s.includes('MATERIALIZED VIEW'))!
    const formatted = await formatQuery(view)
    expect(formatted).toContain('TO assay.trace_index_local')
    expect(formatted).toContain('FROM assay.spans_local')
  })

  it('applies the retention TTL with part-level drops', async () => {
    const spans = await formatQuery(clustered.find((s) => s.includes('assay.spans_local '))!)
    expect(spans).toContain('TTL toDateTime(start_time) + toIntervalDay(30)')
    expect(spans).toContain('ttl_only_drop_parts = 1')
  })

  it('single-node DDL has no cluster parts and is valid too', async () => {
    const single = clickhouseDdl({ database: 'assay' })
    for (const statement of single) {
      const formatted = await formatQuery(statement)
      expect(formatted).not.toMatch(/ON CLUSTER|Replicated|Distributed|_local/)
    }
  })
})
