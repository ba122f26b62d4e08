// Span search across traces: a filter over span columns, sort keys, keyset pages, previews, duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, InvalidCursorError, insertSpans } from '../../src/clickhouse/index.js'
import {
  type FilterExpr,
  SPAN_PREVIEW_CHARS,
  type SpanSummary,
  searchSpans,
} from '../../src/clickhouse/search/index.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-spans'
const MS = 1_000_000n
const window = { projectId: project, from: ns(0), to: ns(3600n * SECOND) }
// 12 traces, each a root and a retriever whose duration grows with i (100..1200 ms).
const traces = Array.from({ length: 12 }, (_, i) => ({ id: traceId(), i }))
const at = { offset: 0, line: 1, column: 1 }
// span.kind = 'RETRIEVER' AND span.duration_ms > 500ms
const slow: FilterExpr = {
  type: 'and',
  items: [
    {
      type: 'compare',
      field: { name: 'span.kind' },
      op: '=',
      value: { kind: 'string', value: 'RETRIEVER' },
      at,
    },
    {
      type: 'compare',
      field: { name: 'span.duration_ms' },
      op: '>',
      value: { kind: 'number', value: 500, text: '500ms', duration: true },
      at,
    },
  ],
}

beforeAll(async () => {
  ch = await openTestClickHouse()
  const rows = traces.flatMap(({ id, i }) => {
    const start = BigInt(ns(SECOND)) + BigInt(i) * SECOND
    const root = span({
      project_id: project,
      trace_id: id,
      start_time: `${start}`,
      end_time: `${start + 2000n * MS}`,
    })
    const retriever = span({
      project_id: project,
      trace_id: id,
      parent_span_id: root.span_id,
      kind: 'RETRIEVER',
      name: 'retrieve',
      input: 'q'.repeat(5000),
      start_time: `${start + MS}`,
      end_time: `${start + MS + BigInt(100 * (i + 1)) * MS}`,
    })
    return [root, retriever]
  })
  await insertSpans(ch, rows)
  await insertSpans(ch, rows) // re-sent: each span must still appear once
})
afterAll(() => closeTestClickHouse(ch))

describe('searchSpans', () => {
  it('finds every slow retriever once, slowest first, in pages', async () => {
    const seen: SpanSummary[] = []
    let cursor: string | undefined
    do {
      const page = await searchSpans(ch, { ...window, filter: slow, sort: 'duration', limit: 3, cursor })
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.map((s) => s.duration_ms)).toEqual([1200, 1100, 1000, 900, 800, 700, 600])
    expect(seen.every((s) => s.kind === 'RETRIEVER')).toBe(true)
  })

  it('returns previews, not whole inputs', async () => {
    const { items } = await searchSpans(ch, { ...window, filter: slow, limit: 1 })
    expect(items[0]!.input_preview).toHaveLength(SPAN_PREVIEW_CHARS)
    expect(items[0]).not.toHaveProperty('input')
  })

  it('sorts by start ascending with no filter and no duplicates', async () => {
    const { items } = await searchSpans(ch, { ...window, sort: 'start_time', order: 'asc', limit: 100 })
    expect(items).toHaveLength(24)
    const starts = items.map((s) => BigInt(s.start_time))
    expect(starts.every((s, i) => i === 0 || s >= starts[i - 1]!)).toBe(true)
  })

  it('binds the cursor to the filter', async () => {
    const { nextCursor } = await searchSpans(ch, { ...window, filter: slow, limit: 1 })
    await expect(searchSpans(ch, { ...window, cursor: nextCursor })).rejects.toThrow(InvalidCursorError)
  })
})
