import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  aggregateCounts,
  type ClickHouse,
  getSpanEvents,
  getTraceSpans,
  insertAssessments,
  insertSpanEvents,
  insertSpans,
  listAssessments,
  listTraces,
} from '../../src/clickhouse/index.js'
import { assessment, ns, SECOND, span, spanEvent, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
})
afterAll(() => closeTestClickHouse(ch))

// The same trace id in two projects: ids come from clients, so they can collide across tenants.
const shared = traceId()
const onlyA = traceId()
const window = { from: ns(0), to: ns(3600n * SECOND) }

beforeAll(async () => {
  const a = span({ project_id: 'A', trace_id: shared, name: 'secret-a', input_tokens: 100 })
  await insertSpans(ch, [
    a,
    span({ project_id: 'A', trace_id: onlyA }),
    span({ project_id: 'B', trace_id: shared, name: 'b' }),
  ])
  await insertSpanEvents(ch, [spanEvent({ project_id: 'A', trace_id: shared, span_id: a.span_id })])
  await insertAssessments(ch, [assessment({ project_id: 'A', trace_id: shared })])
})

describe('project scoping', () => {
  it('B sees only its own spans of a shared trace id', async () => {
    const spans = await getTraceSpans(ch, 'B', shared)
    expect(spans.map((s) => s.name)).toEqual(['b'])
    expect(await getTraceSpans(ch, 'B', onlyA)).toEqual([])
  })

  it("B's trace list and totals exclude A", async () => {
    const { items } = await listTraces(ch, { projectId: 'B', ...window })
    expect(items.map((t) => [t.trace_id, t.name, t.span_count])).toEqual([[shared, 'b', 1]])
    expect(await aggregateCounts(ch, { projectId: 'B', ...window })).toMatchObject({
      traces: 1,
      spans: 1,
      input_tokens: 120,
    })
    expect(await aggregateCounts(ch, { projectId: 'A', ...window })).toMatchObject({ traces: 2, spans: 2 })
  })

  it("B never sees A's events or assessments", async () => {
    expect(await getSpanEvents(ch, 'B', shared)).toEqual([])
    expect(await listAssessments(ch, 'B', shared)).toEqual([])
    expect(await getSpanEvents(ch, 'A', shared)).toHaveLength(1)
    expect(await listAssessments(ch, 'A', shared)).toHaveLength(1)
  })

  it('an unknown project sees nothing', async () => {
    expect((await listTraces(ch, { projectId: 'C', ...window })).items).toEqual([])
    expect((await aggregateCounts(ch, { projectId: 'C', ...window })).spans).toBe(0)
  })
})
