// Assessments through real HTTP on embedded storage: log, list, override, delete, aggregates, and bad input.
import { emptySpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const HOUR_MS = 3_600_000
const nowMs = Date.now()
const traceA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1'
const traceB = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2'
const rootA = '1000000000000001'
const childA = '1000000000000002'
const rootB = '2000000000000001'

function spanAt(traceId: string, spanId: string, agoMs: number, name = 'chat') {
  const start = BigInt(nowMs - agoMs) * 1_000_000n
  return {
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: traceId,
      span_id: spanId,
      start_time: String(start),
      end_time: String(start + 5_000_000n),
    }),
    name,
  }
}

const post = (path: string, body: unknown) => api.request('POST', path, body)

beforeAll(async () => {
  api = await startTestApi()
  await insertSpans(api.clickhouse, [
    spanAt(traceA, rootA, 2 * HOUR_MS, 'support'),
    { ...spanAt(traceA, childA, 2 * HOUR_MS - 1), parent_span_id: rootA },
    spanAt(traceB, rootB, 10 * 60_000, 'search'),
  ])
})
afterAll(() => api.close())

describe('POST /api/traces/{traceId}/assessments', () => {
  it('logs feedback on a trace and on one of its spans', async () => {
    const res = await post(`/traces/${traceA}/assessments`, {
      name: 'helpful',
      value: true,
      rationale: 'answered the question',
      source: { type: 'HUMAN', id: 'alice' },
      metadata: { channel: 'thumbs' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      trace_id: traceA,
      span_id: '',
      type: 'feedback',
      name: 'helpful',
      value: true,
      source_type: 'HUMAN',
      source_id: 'alice',
      valid: true,
      deleted: false,
      overrides: '',
    })
    expect(res.body.assessment_id).toMatch(/^a-[0-9a-f]{32}$/)
    const onSpan = await post(`/traces/${traceA}/assessments`, {
      type: 'expectation',
      name: 'expected_answer',
      value: 'ships today',
      span_id: childA.toUpperCase(),
      source: { type: 'CODE', id: 'dataset@3' },
      run_id: 'run-42',
    })
    expect(onSpan.status).toBe(201)
    expect(onSpan.body).toMatchObject({ span_id: childA, type: 'expectation', run_id: 'run-42' })
  })

  it('refuses a value of another type than the name’s earlier values (400 body.value)', async () => {
    const res = await post(`/traces/${traceB}/assessments`, { name: 'helpful', value: 0.5 })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('body.value')
    expect(res.body.error.message).toContain('boolean')
  })

  it('names the field of bad input', async () => {
    const cases: [unknown, string][] = [
      [{ value: true }, 'body.name'],
      [{ name: '', value: true }, 'body.name'],
      [{ name: 'x', value: { nested: 1 } }, 'body.value'],
      [{ name: 'x' }, 'body.value'],
      [{ name: 'x', value: 1, source: { type: 'ROBOT' } }, 'body.source.type'],
      [{ name: 'x', value: 1, type: 'opinion' }, 'body.type'],
      [{ name: 'x', value: 1, span_id: 'not-hex' }, 'body.span_id'],
      [{ name: 'x', value: 1, span_id: rootB }, 'body.span_id'],
      [{ name: 'x', value: 1, metadata: { k: 3 } }, 'body.metadata.k'],
    ]
    for (const [body, field] of cases) {
      const res = await post(`/traces/${traceA}/assessments`, body)
      expect([res.status, res.body.error?.field], JSON.stringify(body)).toEqual([400, field])
    }
  })

  it('answers 404 for an unknown trace and 400 for a malformed trace id', async () => {
    const missing = await post('/traces/cccccccccccccccccccccccccccccccc/assessments', {
      name: 'x',
      value: 1,
    })
    expect([missing.status, missing.body.error.field]).toEqual([404, 'path.traceId'])
    const bad = await post('/traces/xyz/assessments', { name: 'x', value: 1 })
    expect([bad.status, bad.body.error.field]).toEqual([400, 'path.traceId'])
  })
})

describe('override, delete and history', () => {
  it('overrides: the new one is listed, the old one stays in the history, not valid', async () => {
    const first = await post(`/traces/${traceB}/assessments`, {
      name: 'correct',
      value: false,
      source: { type: 'LLM_JUDGE', id: 'judge@1' },
    })
    const second = await post(`/assessments/${first.body.assessment_id}/override`, {
      value: true,
      rationale: 'judge was wrong',
      source: { type: 'HUMAN', id: 'bob' },
    })
    expect(second.status).toBe(201)
    expect(second.body).toMatchObject({ overrides: first.body.assessment_id, name: 'correct', value: true })
    const current = await api.request('GET', `/traces/${traceB}/assessments`)
    expect(current.body.items.map((a: { assessment_id: string }) => a.assessment_id)).toContain(
      second.body.assessment_id,
    )
    expect(current.body.items.map((a: { assessment_id: string }) => a.assessment_id)).not.toContain(
      first.body.assessment_id,
    )
    const history = await api.request('GET', `/traces/${traceB}/assessments?history=true`)
    const old = history.body.items.find(
      (a: { assessment_id: string }) => a.assessment_id === first.body.assessment_id,
    )
    expect(old).toMatchObject({ valid: false, deleted: false, overridden_by: second.body.assessment_id })
    // The overridden one cannot be overridden or deleted again; the type rule holds for overrides too.
    const again = await post(`/assessments/${first.body.assessment_id}/override`, { value: false })
    expect([again.status, again.body.error.field]).toEqual([409, 'path.id'])
    const typed = await post(`/assessments/${second.body.assessment_id}/override`, { value: 'yes' })
    expect([typed.status, typed.body.error.field]).toEqual([400, 'body.value'])
  })

  it('deletes: gone from the list, kept in the history, a second delete is a 404', async () => {
    const made = await post(`/traces/${traceB}/assessments`, { name: 'tone', value: 'rude' })
    const id = made.body.assessment_id
    const del = await api.request('DELETE', `/assessments/${id}`)
    expect(del.status).toBe(204)
    const current = await api.request('GET', `/traces/${traceB}/assessments`)
    expect(current.body.items.some((a: { assessment_id: string }) => a.assessment_id === id)).toBe(false)
    const history = await api.request('GET', `/traces/${traceB}/assessments?history=true`)
    expect(history.body.items.find((a: { assessment_id: string }) => a.assessment_id === id)).toMatchObject({
      deleted: true,
      valid: false,
    })
    expect((await api.request('DELETE', `/assessments/${id}`)).status).toBe(404)
  })

  it('malformed ids are 400, unknown ones 404', async () => {
    for (const [method, path] of [
      ['DELETE', '/assessments/not-an-id'],
      ['POST', '/assessments/a-XYZ/override'],
    ] as const) {
      const res = await api.request(method, path, method === 'POST' ? { value: 1 } : undefined)
      expect([res.status, res.body.error.field]).toEqual([400, 'path.id'])
    }
    expect((await api.request('DELETE', '/assessments/a-00000000000000000000000000000000')).status).toBe(404)
    expect((await api.request('GET', '/traces/cccccccccccccccccccccccccccccccc/assessments')).status).toBe(
      404,
    )
  })

  it('the trace detail shows the assessments too', async () => {
    const detail = await api.request('GET', `/traces/${traceA}`)
    expect(detail.body.assessments.map((a: { name: string }) => a.name)).toEqual([
      'helpful',
      'expected_answer',
    ])
  })
})

describe('aggregates', () => {
  beforeAll(async () => {
    await post(`/traces/${traceB}/assessments`, { name: 'helpful', value: false })
    await post(`/traces/${traceA}/assessments`, { name: 'stars', value: 2 })
    await post(`/traces/${traceB}/assessments`, { name: 'stars', value: 4 })
  })

  it('pass rate of a boolean name over the default window', async () => {
    const res = await api.request('GET', '/assessments/aggregate?name=helpful')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ name: 'helpful', count: 2, traces: 2, number: null, string: null })
    expect(res.body.boolean).toEqual({ count: 2, true: 1, false: 1, pass_rate: 0.5 })
  })

  it('mean of a numeric name within a window that holds one trace only', async () => {
    const from = new Date(nowMs - HOUR_MS).toISOString()
    const res = await api.request('GET', `/assessments/aggregate?name=stars&from=${from}`)
    expect(res.body.number).toMatchObject({ count: 1, mean: 4, min: 4, max: 4 })
  })

  it('a time series with one entry per bucket', async () => {
    const from = new Date(nowMs - 3 * HOUR_MS).toISOString()
    const res = await api.request('GET', `/assessments/timeseries?name=stars&from=${from}&bucket=1h`)
    expect(res.status).toBe(200)
    expect(res.body.bucket_ms).toBe(HOUR_MS)
    expect(res.body.buckets.length).toBeGreaterThanOrEqual(3)
    const means = res.body.buckets
      .filter((b: { count: number }) => b.count > 0)
      .map((b: { number: { mean: number } }) => b.number.mean)
    expect(means).toEqual([2, 4])
  })

  it('a trace filter narrows the traces aggregated, and a bad one is a 400 naming query.filter', async () => {
    const filter = encodeURIComponent("span.name = 'search'")
    const res = await api.request('GET', `/assessments/aggregate?name=helpful&filter=${filter}`)
    expect(res.status).toBe(200)
    expect(res.body.boolean).toEqual({ count: 1, true: 0, false: 1, pass_rate: 0 })
    const series = await api.request('GET', `/assessments/timeseries?name=stars&filter=${filter}`)
    expect(series.body.buckets.filter((b: { count: number }) => b.count > 0)).toHaveLength(1)
    const bad = await api.request(
      'GET',
      `/assessments/aggregate?name=helpful&filter=${encodeURIComponent('span.knd = 1')}`,
    )
    expect([bad.status, bad.body.error.field]).toEqual([400, 'query.filter'])
  })

  it('bad queries name their field', async () => {
    const cases: [string, string][] = [
      ['/assessments/aggregate', 'query.name'],
      ['/assessments/aggregate?name=x&from=yesterday', 'query.from'],
      ['/assessments/timeseries?name=x&bucket=fortnight', 'query.bucket'],
      ['/assessments/timeseries?name=x&bucket=1s', 'query.bucket'],
      ['/assessments/aggregate?name=x&top=0', 'query.top'],
    ]
    for (const [path, field] of cases) {
      const res = await api.request('GET', path)
      expect([res.status, res.body.error?.field], path).toEqual([400, field])
    }
  })

  it('every route is in the OpenAPI document', async () => {
    const doc = await api.request('GET', '/openapi.json')
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/traces/{traceId}/assessments',
        '/assessments/{id}/override',
        '/assessments/{id}',
        '/assessments/aggregate',
        '/assessments/timeseries',
      ]),
    )
  })
})
