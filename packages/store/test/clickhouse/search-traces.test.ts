// Trace search: every sort key in both orders, keyset paging, a filter, assessment values, duplicates, cursors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickHouse,
  InvalidCursorError,
  insertAssessments,
  insertSpans,
} from '../../src/clickhouse/index.js'
import {
  type FilterExpr,
  type SpanSortKey,
  searchTraces,
  type TraceSearchItem,
} from '../../src/clickhouse/search/index.js'
import { assessment, ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-search'
const MINUTE = 60n * SECOND
// 23 traces a minute apart; durations, tokens and costs in different orders so each sort is distinct.
const traces = Array.from({ length: 23 }, (_, i) => ({
  id: traceId(),
  start: BigInt(ns(MINUTE)) + BigInt(i) * MINUTE,
  durationMs: ((i * 7) % 23) * 100 + 50,
  tokens: ((i * 5) % 23) * 10,
  cost: ((i * 11) % 23) * 0.001 + 0.0001,
  retriever: i % 3 === 0,
}))
const window = { projectId: project, from: ns(0), to: ns(3600n * SECOND) }
const at = { offset: 0, line: 1, column: 1 }
const compare = (name: string, value: string | number): FilterExpr => ({
  type: 'compare',
  field: { name },
  op: '=',
  value: typeof value === 'string' ? { kind: 'string', value } : { kind: 'number', value, text: `${value}` },
  at,
})

beforeAll(async () => {
  ch = await openTestClickHouse()
  const rows = traces.flatMap((t) => {
    const root = span({
      project_id: project,
      trace_id: t.id,
      name: 'agent',
      kind: 'AGENT',
      start_time: t.start.toString(),
      end_time: (t.start + BigInt(t.durationMs) * 1_000_000n).toString(),
      total_tokens: 0,
      input_tokens: 0,
      output_tokens: 0,
      cost_usd: 0,
    })
    const child = span({
      project_id: project,
      trace_id: t.id,
      parent_span_id: root.span_id,
      kind: t.retriever ? 'RETRIEVER' : 'LLM',
      start_time: (t.start + 1000n).toString(),
      end_time: (t.start + 2000n).toString(),
      total_tokens: t.tokens,
      cost_usd: t.cost,
    })
    return [root, child]
  })
  await insertSpans(ch, rows)
  // A re-sent export: every child again. Sums must not change.
  await insertSpans(
    ch,
    rows.filter((r) => r.parent_span_id !== ''),
  )
  await insertAssessments(ch, [
    assessment({ project_id: project, trace_id: traces[22]!.id, name: 'helpful', value: 0.2, created_at: 1 }),
    assessment({ project_id: project, trace_id: traces[22]!.id, name: 'helpful', value: 0.9, created_at: 2 }),
    assessment({ project_id: project, trace_id: traces[22]!.id, name: 'toxic', value: false }),
    assessment({ project_id: project, trace_id: traces[22]!.id, name: 'stale', value: 'x', valid: false }),
  ])
})
afterAll(() => closeTestClickHouse(ch))

async function all(sort: SpanSortKey, order: 'asc' | 'desc', limit = 5): Promise<TraceSearchItem[]> {
  const seen: TraceSearchItem[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 20; pages++) {
    const page = await searchTraces(ch, { ...window, sort, order, limit, cursor })
    seen.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) break
  }
  return seen
}

// The integer keys; the string keys have their own file (search-traces-string-sort.test.ts).
const keyOf: Record<SpanSortKey, (t: (typeof traces)[number]) => number> = {
  start_time: (t) => Number(t.start),
  duration: (t) => t.durationMs,
  tokens: (t) => t.tokens,
  cost: (t) => t.cost,
}

describe('searchTraces', () => {
  for (const sort of ['start_time', 'duration', 'tokens', 'cost'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every trace once, sorted by ${sort} ${order}`, async () => {
        const seen = await all(sort, order)
        const expected = [...traces]
          .sort((a, b) => keyOf[sort](a) - keyOf[sort](b) || a.id.localeCompare(b.id))
          .map((t) => t.id)
        if (order === 'desc') expected.reverse()
        expect(seen.map((t) => t.trace_id)).toEqual(expected)
      })
    }
  }

  it('sums tokens and cost once per span although spans were sent twice', async () => {
    const [top] = (await searchTraces(ch, { ...window, sort: 'tokens', limit: 1 })).items
    const expected = traces.reduce((a, b) => (b.tokens > a.tokens ? b : a))
    expect(top).toMatchObject({ trace_id: expected.id, total_tokens: expected.tokens, span_count: 2 })
  })

  it('keeps the traces a filter selects', async () => {
    const { items } = await searchTraces(ch, {
      ...window,
      limit: 100,
      filter: compare('span.kind', 'RETRIEVER'),
    })
    expect(items.map((t) => t.trace_id).sort()).toEqual(
      traces
        .filter((t) => t.retriever)
        .map((t) => t.id)
        .sort(),
    )
  })

  it('filters on trace totals without counting re-sent spans twice', async () => {
    const target = traces[4]!
    const { items } = await searchTraces(ch, { ...window, filter: compare('trace.tokens', target.tokens) })
    expect(items.map((t) => t.trace_id)).toEqual([target.id])
  })

  it('carries the latest valid value of each assessment', async () => {
    const { items } = await searchTraces(ch, { ...window, limit: 1 })
    expect(items[0]!.trace_id).toBe(traces[22]!.id)
    expect(items[0]!.assessments).toEqual({ helpful: 0.9, toxic: false })
  })

  it('rejects a tampered cursor and one issued for another sort', async () => {
    const { nextCursor } = await searchTraces(ch, { ...window, limit: 2 })
    const tampered = Buffer.from(
      Buffer.from(nextCursor!, 'base64url')
        .toString()
        .replace(/"\d{5}/, '"99999'),
    ).toString('base64url')
    await expect(searchTraces(ch, { ...window, cursor: tampered })).rejects.toThrow(InvalidCursorError)
    await expect(searchTraces(ch, { ...window, cursor: 'garbage' })).rejects.toThrow(InvalidCursorError)
    await expect(searchTraces(ch, { ...window, sort: 'cost', cursor: nextCursor })).rejects.toThrow(
      InvalidCursorError,
    )
  })

  it('is scoped by project and window', async () => {
    expect((await searchTraces(ch, { ...window, projectId: 'other' })).items).toEqual([])
    const { items } = await searchTraces(ch, {
      ...window,
      from: traces[20]!.start.toString(),
      to: traces[22]!.start.toString(),
    })
    expect(items.map((t) => t.trace_id)).toEqual([traces[21]!.id, traces[20]!.id])
  })
})
