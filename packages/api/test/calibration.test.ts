// Calibration through real HTTP: per judge source, agreement with human labels
// of the same name, on a fixed labelled set whose kappa is computed by hand.
import { type Assessment, emptySpanRow } from '@assay/core'
import { insertAssessments, insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
let ids = 1

const now = Date.now()
const trace = (i: number) => i.toString(16).padStart(32, '0')
function row(
  i: number,
  source: Assessment['source_type'],
  sourceId: string,
  value: boolean,
  error = '',
): Assessment {
  return {
    assessment_id: `a-${(ids++).toString(16).padStart(32, '0')}`,
    project_id: api.projectId,
    trace_id: trace(i),
    span_id: '',
    type: 'feedback',
    name: 'helpful',
    value,
    rationale: '',
    source_type: source,
    source_id: sourceId,
    run_id: '',
    overrides: '',
    valid: true,
    error,
    metadata: {},
    created_at: now - 60_000,
  }
}

beforeAll(async () => {
  api = await startTestApi()
  const ns = BigInt(now) * 1_000_000n
  await insertSpans(
    api.clickhouse,
    Array.from({ length: 50 }, (_, i) =>
      emptySpanRow({
        project_id: api.projectId,
        trace_id: trace(i),
        span_id: '1'.repeat(16),
        start_time: String(ns),
        end_time: String(ns + 1n),
      }),
    ),
  )
  // 50 traces: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → p_o = 0.7, p_e = 0.5, κ = 0.4, TPR 0.8, FPR 0.4.
  const rows: Assessment[] = []
  for (let i = 0; i < 50; i++) {
    const human = i < 25
    const judge = i < 20 || (i >= 25 && i < 35)
    rows.push(row(i, 'HUMAN', 'ann', human), row(i, 'LLM_JUDGE', 'judge:helpful@1', judge))
  }
  // A second judge that agrees on the first ten only, and failed on one more (left out).
  for (let i = 0; i < 10; i++) rows.push(row(i, 'LLM_JUDGE', 'judge:helpful@2', true))
  rows.push(row(10, 'LLM_JUDGE', 'judge:helpful@2', false, 'model timed out'))
  await insertAssessments(api.clickhouse, rows)
})
afterAll(() => api.close())

describe('GET /api/calibration', () => {
  it('reports each judge’s agreement with the human labels', async () => {
    const res = await api.request('GET', '/calibration?name=helpful')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ name: 'helpful', assessments: 111, truncated: false })
    const [v1, v2] = res.body.judges
    expect(v1.sourceId).toBe('judge:helpful@1')
    expect(v1.n).toBe(50)
    expect(v1.agreement).toBeCloseTo(0.7, 10)
    expect(v1.kappa).toBeCloseTo(0.4, 10)
    expect(v1.tpr).toBeCloseTo(0.8, 10)
    expect(v1.fpr).toBeCloseTo(0.4, 10)
    expect(v1.confusion).toEqual({
      labels: ['false', 'true'],
      matrix: [
        [15, 10],
        [5, 20],
      ],
    })
    expect(v2).toMatchObject({
      sourceId: 'judge:helpful@2',
      n: 10,
      agreement: 1,
      kappa: null,
      tpr: 1,
      fpr: null,
    })
  })

  it('is empty for a name nobody used, and needs a name', async () => {
    expect((await api.request('GET', '/calibration?name=nothing')).body).toMatchObject({
      assessments: 0,
      judges: [],
    })
    expect((await api.request('GET', '/calibration')).body.error.field).toBe('query.name')
    expect((await api.request('GET', '/calibration?name=x&from=yesterday')).body.error.field).toBe(
      'query.from',
    )
    const future = await api.request(
      'GET',
      `/calibration?name=helpful&from=${new Date(now + 3_600_000).toISOString()}`,
    )
    expect(future.body.error.field).toBe('query.to')
  })
})
