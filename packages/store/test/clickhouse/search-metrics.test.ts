// Metrics over time: buckets (chosen and given), grouping, percentiles, gap filling, duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, insertSpans } from '../../src/clickhouse/index.js'
import { InvalidSearchError, metricsOverTime } from '../../src/clickhouse/search/index.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-metrics'
const MINUTE = 60n * SECOND
// An hour-aligned start, so bucket boundaries (aligned to the epoch) are predictable.
const base = (BigInt(ns(0)) / (60n * MINUTE)) * 60n * MINUTE
const at = (offset: bigint) => (base + offset).toString()
const window = { projectId: project, from: at(0n), to: at(60n * MINUTE) }

beforeAll(async () => {
  ch = await openTestClickHouse()
  const rows = [0, 1, 2, 3].flatMap((i) => {
    const t = traceId()
    const start = base + BigInt(i) * MINUTE
    const root = span({
      project_id: project,
      trace_id: t,
      kind: 'AGENT',
      model_request: '',
      model_response: '',
      start_time: `${start}`,
      end_time: `${start + BigInt(i + 1) * SECOND}`,
      total_tokens: 0,
      cost_usd: 0,
    })
    const llm = span({
      project_id: project,
      trace_id: t,
      parent_span_id: root.span_id,
      model_request: i % 2 ? 'gpt-4o' : 'claude',
      status_code: i === 3 ? 'ERROR' : 'OK',
      start_time: `${start + 1000n}`,
      end_time: `${start + 1000n + 100_000_000n}`,
      total_tokens: 100,
      cost_usd: 0.25,
    })
    return [root, llm]
  })
  await insertSpans(ch, rows)
  await insertSpans(ch, rows) // re-sent
})
afterAll(() => closeTestClickHouse(ch))

describe('metricsOverTime', () => {
  it('chooses a bucket from the window and fills empty buckets', async () => {
    const m = await metricsOverTime(ch, window)
    expect(m.bucket_seconds).toBe(60)
    expect(m.series).toHaveLength(1)
    const points = m.series[0]!.points
    expect(points).toHaveLength(60)
    expect(points[0]).toMatchObject({ traces: 1, spans: 2, errors: 0, total_tokens: 100, cost_usd: 0.25 })
    expect(points[3]).toMatchObject({ errors: 1, error_rate: 0.5 })
    expect(points[3]!.trace_latency_ms!.p50).toBe(4000)
    expect(points[10]).toMatchObject({ spans: 0, latency_ms: null, trace_latency_ms: null })
  })

  it('groups by model over a given bucket', async () => {
    const m = await metricsOverTime(ch, { ...window, bucket: 3600, groupBy: 'model' })
    const byGroup = Object.fromEntries(m.series.map((s) => [s.group, s.points[0]!]))
    expect(Object.keys(byGroup).sort()).toEqual(['', 'claude', 'gpt-4o'])
    expect(byGroup['gpt-4o']).toMatchObject({ spans: 2, errors: 1, total_tokens: 200, cost_usd: 0.5 })
    expect(byGroup['']).toMatchObject({ spans: 4, total_tokens: 0 })
    expect(byGroup.claude!.latency_ms!.p95).toBeCloseTo(100)
  })

  it('narrows with a span filter', async () => {
    const m = await metricsOverTime(ch, {
      ...window,
      bucket: 3600,
      filter: {
        type: 'compare',
        field: { name: 'span.status' },
        op: '=',
        value: { kind: 'string', value: 'ERROR' },
        at: { offset: 0, line: 1, column: 1 },
      },
    })
    expect(m.series[0]!.points[0]).toMatchObject({ spans: 1, errors: 1, error_rate: 1 })
  })

  it('refuses a bucket that makes too many points', async () => {
    await expect(metricsOverTime(ch, { ...window, bucket: 1, to: at(3600n * 24n * SECOND) })).rejects.toThrow(
      InvalidSearchError,
    )
  })
})
