/**
 * The span writer against the embedded engine: exports appended to pooled
 * group buffers come back from the store exactly, group after group, when
 * a neighbour is refused or cannot be serialized, and after a failed flush.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { emptySpanRow, type SpanRow } from '@assay/core'
import { type ClickHouse, createClickHouse, getTraceSpans, migrateClickHouse } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSpanWriter } from '../../src/write/span-writer.js'

const dir = join(tmpdir(), `assay-collector-writer-${process.pid}`)
let ch: ClickHouse

beforeAll(async () => {
  ch = createClickHouse({ dataDir: dir, database: `w_${randomBytes(6).toString('hex')}` })
  await migrateClickHouse(ch)
})

afterAll(async () => {
  await ch.close()
  rmSync(dir, { recursive: true, force: true })
})

const hex = (bytes: number) => randomBytes(bytes).toString('hex')
const START = (BigInt(Date.now()) - 60_000n) * 1_000_000n

/** `count` spans of one new trace, each with distinct text that would show any mix-up of bytes. */
function traceRows(count: number, text = 'x'): SpanRow[] {
  const trace = hex(16)
  return Array.from({ length: count }, (_, i) =>
    emptySpanRow({
      project_id: 'p',
      trace_id: trace,
      span_id: hex(8),
      start_time: String(START + BigInt(i)),
      end_time: String(START + BigInt(i) + 1000n),
      name: `span ${i}`,
      input: JSON.stringify({ question: `${text} ${trace} ${i} "quoted" ✓`.padEnd(300, '.') }),
      attributes: Object.assign(Object.create(null), { 'input.value': `${text} ${i}` }),
    }),
  )
}

async function stored(rows: SpanRow[]): Promise<string[]> {
  const got = await getTraceSpans(ch, 'p', rows[0]!.trace_id)
  return got.map((s) => `${s.span_id} ${s.input}`).sort()
}
/** Rows in the table for these traces, duplicates included (the read path hides them). */
async function rowCount(traceIds: string[]): Promise<number> {
  const rs = await ch.client.query({
    query: `SELECT count() AS n FROM ${ch.database}.spans WHERE trace_id IN {ids:Array(String)}`,
    query_params: { ids: traceIds },
    format: 'JSONEachRow',
  })
  const [row] = (await rs.json()) as { n: string | number }[]
  return Number(row?.n)
}

const expected = (rows: SpanRow[]) => rows.map((s) => `${s.span_id} ${s.input}`).sort()

describe('span writer', () => {
  it('stores many concurrent exports over reused group buffers, each exactly once', async () => {
    const writer = createSpanWriter(ch, { lingerMs: 2, maxBatchRows: 300 })
    const exports = Array.from({ length: 40 }, (_, i) => traceRows(50, `export ${i}`))
    // Waves, so later groups reuse the buffers earlier flushes handed back.
    for (let wave = 0; wave < 4; wave++) {
      await Promise.all(
        exports.slice(wave * 10, wave * 10 + 10).map((spans) => writer.write({ spans, events: [] })),
      )
    }
    for (const rows of exports) expect(await stored(rows)).toEqual(expected(rows))
    expect(await rowCount(exports.map((rows) => rows[0]!.trace_id))).toBe(40 * 50)
    expect(writer.pendingBytes).toBe(0)
    await writer.close()
  })

  it('rejects an export whose row cannot be serialized and stores its neighbours intact', async () => {
    const writer = createSpanWriter(ch, { lingerMs: 20 })
    const before = traceRows(5, 'before')
    const after = traceRows(5, 'after')
    const bad = traceRows(3, 'bad')
    bad[2]!.end_time = 'not a time'
    const results = await Promise.allSettled([
      writer.write({ spans: before, events: [] }),
      writer.write({ spans: bad, events: [] }),
      writer.write({ spans: after, events: [] }),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await stored(before)).toEqual(expected(before))
    expect(await stored(after)).toEqual(expected(after))
    expect(await rowCount([before, bad, after].map((rows) => rows[0]!.trace_id))).toBe(10)
    await writer.close()
  })

  it('refuses with 429 past its byte budget, storing what it took and nothing of what it refused', async () => {
    const writer = createSpanWriter(ch, { lingerMs: 50, maxBufferedBytes: 20_000 })
    const taken = traceRows(20, 'taken') // ~10 KB of lines
    const refused = traceRows(40, 'refused')
    const results = await Promise.allSettled([
      writer.write({ spans: taken, events: [] }),
      writer.write({ spans: refused, events: [] }),
    ])
    expect(results[0]!.status).toBe('fulfilled')
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { status: 429 } })
    expect(writer.refused).toBe(1)
    expect(await stored(taken)).toEqual(expected(taken))
    expect(await rowCount([taken[0]!.trace_id, refused[0]!.trace_id])).toBe(20)
    await writer.close()
  })

  it('answers 503 when the store fails, and writes the next group whole once it is back', async () => {
    const broken: ClickHouse = { ...ch, database: 'no_such_database' }
    let store = broken
    const writer = createSpanWriter(
      new Proxy(ch, { get: (_t, key) => store[key as keyof ClickHouse] }) as ClickHouse,
      { lingerMs: 2 },
    )
    const lost = traceRows(10, 'lost')
    await expect(writer.write({ spans: lost, events: [] })).rejects.toMatchObject({ status: 503 })
    store = ch
    const next = traceRows(10, 'next')
    await writer.write({ spans: next, events: [] })
    expect(await stored(next)).toEqual(expected(next))
    await writer.close()
  })

  it('keeps group buffers for reuse while busy and lets them go once idle', async () => {
    const writer = createSpanWriter(ch, { lingerMs: 2, poolIdleMs: 100 })
    expect(writer.pooledBytes).toBe(0)
    await writer.write({ spans: traceRows(20, 'pooled'), events: [] })
    expect(writer.pooledBytes).toBeGreaterThan(0)
    await expect.poll(() => writer.pooledBytes, { timeout: 5_000 }).toBe(0)
    await writer.close()
  })
})
