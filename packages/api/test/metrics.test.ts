// Metrics over time through real HTTP on embedded storage: buckets, grouping, filter, bad input.
import { emptySpanRow, type SpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const MS = 1_000_000n
const HOUR_MS = 3_600_000
// A fixed, hour-aligned window two hours long, so the buckets are known.
const fromMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 3 * HOUR_MS
const toMs = fromMs + 2 * HOUR_MS
const window = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`

function spanRow(
  i: number,
  offsetMs: number,
  kind: SpanRow['kind'],
  status: SpanRow['status_code'],
): SpanRow {
  const start = BigInt(fromMs + offsetMs) * MS
  return {
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: `${'f'.repeat(30)}${String(i).padStart(2, '0')}`,
      span_id: `f${'0'.repeat(13)}${String(i).padStart(2, '0')}`,
      start_time: String(start),
      end_time: String(start + 250n * MS),
    }),
    kind,
    status_code: status,
    total_tokens: 100,
    cost_usd: 0.5,
  }
}

const get = (path: string) => api.request('GET', path)

beforeAll(async () => {
  api = await startTestApi()
  const rows = [
    spanRow(1, 10 * 60_000, 'LLM', 'OK'),
    spanRow(2, 20 * 60_000, 'LLM', 'ERROR'),
    spanRow(3, 70 * 60_000, 'TOOL', 'OK'),
  ]
  await insertSpans(api.clickhouse, rows)
  await insertSpans(api.clickhouse, rows)
})
afterAll(() => api.close())

describe('GET /api/metrics', () => {
  it('answers hourly points grouped by kind', async () => {
    const res = await get(`/metrics?${window}&bucket=1h&group_by=kind`)
    expect(res.status).toBe(200)
    expect(res.body.bucket_seconds).toBe(3600)
    const llm = res.body.series.find((s: { group: string }) => s.group === 'LLM')
    expect(llm.points).toHaveLength(2)
    expect(llm.points[0]).toMatchObject({
      spans: 2,
      errors: 1,
      error_rate: 0.5,
      total_tokens: 200,
      cost_usd: 1,
    })
    expect(llm.points[0].latency_ms.p50).toBeCloseTo(250)
    expect(llm.points[1]).toMatchObject({ spans: 0, latency_ms: null })
  })

  it('chooses the bucket from the window and applies a filter', async () => {
    const res = await get(`/metrics?${window}&filter=${encodeURIComponent("span.kind = 'TOOL'")}`)
    expect(res.body.bucket_seconds).toBe(60)
    expect(res.body.series[0].group).toBeNull()
    expect(res.body.series[0].points.reduce((n: number, p: { spans: number }) => n + p.spans, 0)).toBe(1)
  })

  it('answers 400 naming the field for bad input', async () => {
    const cases: [string, string][] = [
      [`/metrics?${window}&bucket=1s`, 'query.bucket'],
      [`/metrics?${window}&bucket=soon`, 'query.bucket'],
      [`/metrics?${window}&group_by=user`, 'query.group_by'],
      [`/metrics?${window}&filter=${encodeURIComponent('nope')}`, 'query.filter'],
    ]
    for (const [path, field] of cases) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      expect(res.body.error.field, path).toBe(field)
    }
  })
})
