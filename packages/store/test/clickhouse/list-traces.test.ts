import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, InvalidCursorError, insertSpans, listTraces } from '../../src/clickhouse/index.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
})
afterAll(() => closeTestClickHouse(ch))

const project = 'p-list'
const HOUR = 3600n * SECOND
// 57 traces one minute apart, three of them sharing a start time (the cursor must break ties by trace id).
const traces = Array.from({ length: 57 }, (_, i) => ({
  id: traceId(),
  start: ns(HOUR + BigInt(i < 3 ? 0 : i) * 60n * SECOND),
}))

beforeAll(async () => {
  const rows = traces.flatMap(({ id, start }) => {
    const root = span({
      project_id: project,
      trace_id: id,
      start_time: start,
      end_time: (BigInt(start) + SECOND).toString(),
    })
    const child = span({
      project_id: project,
      trace_id: id,
      parent_span_id: root.span_id,
      start_time: (BigInt(start) + 1000n).toString(),
      end_time: (BigInt(start) + 2n * SECOND).toString(),
    })
    return [child, root]
  })
  // Two inserts, so a trace's spans may sit in different parts.
  await insertSpans(ch, rows.slice(0, 50))
  await insertSpans(ch, rows.slice(50))
})

const window = { projectId: project, from: ns(0), to: ns(3n * HOUR) }

describe('listTraces', () => {
  it('pages through every trace exactly once, newest first', async () => {
    const seen: { trace_id: string; start_time: string }[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await listTraces(ch, { ...window, limit: 10, cursor })
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 20)
    expect(pages).toBe(6)
    expect(seen.map((t) => t.trace_id).sort()).toEqual(traces.map((t) => t.id).sort())
    const keys = seen.map((t) => [BigInt(t.start_time), t.trace_id] as const)
    for (let i = 1; i < keys.length; i++) {
      const [s0, t0] = keys[i - 1]!
      const [s1, t1] = keys[i]!
      expect(s0 > s1 || (s0 === s1 && t0 > t1)).toBe(true)
    }
  })

  it('summarizes each trace from its root and all of its spans', async () => {
    const { items } = await listTraces(ch, { ...window, limit: 1 })
    const newest = traces[traces.length - 1]!
    expect(items[0]).toMatchObject({
      trace_id: newest.id,
      start_time: newest.start,
      span_count: 2,
      duration_ms: 2000,
    })
  })

  it('bounds the window: from inclusive, to exclusive', async () => {
    const first = traces[3]!.start // a trace of its own
    const page = await listTraces(ch, {
      projectId: project,
      from: first,
      to: (BigInt(first) + 60n * SECOND).toString(),
    })
    expect(page.items.map((t) => t.trace_id)).toEqual([traces[3]!.id])
    expect(page.nextCursor).toBeUndefined()
    const none = await listTraces(ch, {
      projectId: project,
      from: (BigInt(first) + 1n).toString(),
      to: (BigInt(first) + 60n * SECOND).toString(),
    })
    expect(none.items).toEqual([])
  })

  it('does not list a trace that started before the window', async () => {
    const trace = traceId()
    const root = span({
      project_id: project,
      trace_id: trace,
      start_time: ns(5n * HOUR),
      end_time: ns(7n * HOUR),
    })
    const late = span({
      project_id: project,
      trace_id: trace,
      parent_span_id: root.span_id,
      start_time: ns(6n * HOUR),
      end_time: ns(6n * HOUR + 1n),
    })
    await insertSpans(ch, [late])
    await insertSpans(ch, [root])
    const page = await listTraces(ch, { projectId: project, from: ns(6n * HOUR - 1n), to: ns(8n * HOUR) })
    expect(page.items.map((t) => t.trace_id)).not.toContain(trace)
    const whole = await listTraces(ch, { projectId: project, from: ns(5n * HOUR), to: ns(8n * HOUR) })
    expect(whole.items.find((t) => t.trace_id === trace)).toMatchObject({
      span_count: 2,
      duration_ms: 2 * 3600 * 1000,
    })
  })

  it('accepts Date bounds', async () => {
    const page = await listTraces(ch, {
      projectId: project,
      from: new Date(0),
      to: new Date(2_000_000_000_000),
      limit: 5,
    })
    expect(page.items).toHaveLength(5)
  })

  it('refuses a cursor it did not make', async () => {
    await expect(listTraces(ch, { ...window, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
  })
})
