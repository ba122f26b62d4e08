import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  aggregateCounts,
  type ClickHouse,
  getTraceSpans,
  insertSpans,
  listTraces,
} from '../../src/clickhouse/index.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
})
afterAll(() => closeTestClickHouse(ch))

const project = 'p-dedup'
const window = { projectId: project, from: ns(0), to: ns(3600n * SECOND) }

describe('a re-sent export never double counts', () => {
  const trace = traceId()
  const root = span({
    project_id: project,
    trace_id: trace,
    start_time: ns(SECOND),
    end_time: ns(9n * SECOND),
  })
  const child = span({
    project_id: project,
    trace_id: trace,
    parent_span_id: root.span_id,
    name: 'tool',
    kind: 'TOOL',
    status_code: 'ERROR',
    start_time: ns(2n * SECOND),
    end_time: ns(3n * SECOND),
    input_tokens: 10,
    output_tokens: 5,
    total_tokens: 15,
    cost_usd: 0.5,
  })

  beforeAll(async () => {
    await insertSpans(ch, [root, child])
    await insertSpans(ch, [root, child]) // the exporter retried
    await insertSpans(ch, [child]) // and again, partially
  })

  it('the duplicates are really stored (the reads below have work to do)', async () => {
    const [row] = await rows<{ n: number }>(
      ch,
      `SELECT count() AS n FROM ${ch.database}.spans WHERE trace_id = {t:String}`,
      {
        t: trace,
      },
    )
    expect(Number(row?.n)).toBe(5)
  })

  it('getTraceSpans returns each span once', async () => {
    expect(await getTraceSpans(ch, project, trace)).toEqual([root, child])
  })

  it('listTraces counts spans, tokens and cost once', async () => {
    const { items } = await listTraces(ch, window)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      trace_id: trace,
      name: root.name,
      start_time: root.start_time,
      end_time: root.end_time,
      duration_ms: 8000,
      status_code: 'ERROR',
      span_count: 2,
      input_tokens: root.input_tokens + child.input_tokens,
      output_tokens: root.output_tokens + child.output_tokens,
      total_tokens: root.total_tokens + child.total_tokens,
      session_id: 'session-1',
      user_id: 'user-1',
      model_id: 'm-1',
      input_preview: root.input,
      output_preview: root.output,
    })
    expect(items[0]!.cost_usd).toBeCloseTo(root.cost_usd + child.cost_usd, 10)
  })

  it('aggregateCounts counts once', async () => {
    const counts = await aggregateCounts(ch, window)
    expect(counts).toMatchObject({
      traces: 1,
      spans: 2,
      errors: 1,
      error_traces: 1,
      input_tokens: root.input_tokens + child.input_tokens,
      output_tokens: root.output_tokens + child.output_tokens,
    })
    expect(counts.cost_usd).toBeCloseTo(root.cost_usd + child.cost_usd, 10)
  })

  it('still counts once after the parts merge', async () => {
    await ch.client.command({ query: `OPTIMIZE TABLE ${ch.database}.spans FINAL` })
    await ch.client.command({ query: `OPTIMIZE TABLE ${ch.database}.trace_index FINAL` })
    expect((await aggregateCounts(ch, window)).spans).toBe(2)
    expect((await listTraces(ch, window)).items[0]?.span_count).toBe(2)
  })
})
