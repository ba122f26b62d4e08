// A run's items and two runs compared item by item, through real HTTP: the
// run's assessments grouped by trace, joined with root spans and the
// dataset's expectations; failures only; pages; improved and regressed.
import { emptySpanRow, type SpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const get = (path: string) => api.request('GET', path)
const post = (path: string, body: unknown) => api.request('POST', path, body)

const QUESTIONS = ['What is 2+2?', 'Capital of France?', 'Largest planet?']
let datasetId: string
let itemIds: string[]
let baseRun: string
let headRun: string
let baseTraces: string[]
let headTraces: string[]

function trace(n: number, evalItem: string, input: string, output: string): SpanRow {
  const traceId = n.toString(16).padStart(32, '0')
  const now = BigInt(Date.now() - 60_000) * 1_000_000n
  return {
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: traceId,
      span_id: n.toString(16).padStart(16, '0'),
      start_time: String(now),
      end_time: String(now + 1_200_000_000n),
    }),
    name: 'qa-task',
    kind: 'CHAIN',
    input: JSON.stringify({ question: input }),
    output: JSON.stringify(output),
    metadata: { eval_item: evalItem },
  }
}

/** A run whose items pass or fail as `verdicts` says, with a judge rationale each. */
async function run(name: string, first: number, verdicts: boolean[]): Promise<[string, string[]]> {
  const created = await post('/runs', { name, datasetId, status: 'running' })
  expect(created.status).toBe(201)
  const spans = verdicts.map((_, i) => trace(first + i, itemIds[i]!, QUESTIONS[i]!, `answer ${i}`))
  await insertSpans(api.clickhouse, spans)
  for (const [i, passed] of verdicts.entries()) {
    const res = await post(`/traces/${spans[i]!.trace_id}/assessments`, {
      name: 'correctness',
      value: passed ? 'correct' : 'incorrect',
      rationale: passed ? 'Matches the expected answer.' : `The answer misses "${QUESTIONS[i]}".`,
      source: { type: 'LLM_JUDGE', id: 'correctness/v1' },
      run_id: created.body.id,
      metadata: { passed: String(passed) },
    })
    expect(res.status).toBe(201)
    await post(`/traces/${spans[i]!.trace_id}/assessments`, {
      name: 'exact',
      value: passed,
      source: { type: 'CODE', id: 'exact_match' },
      run_id: created.body.id,
    })
  }
  return [created.body.id, spans.map((s) => s.trace_id)]
}

beforeAll(async () => {
  api = await startTestApi()
  datasetId = (await post('/datasets', { name: 'qa' })).body.id
  await post(`/datasets/${datasetId}/items`, {
    items: QUESTIONS.map((q, i) => ({ inputs: { question: q }, expectations: { answer: `expected ${i}` } })),
  })
  itemIds = (await get(`/datasets/${datasetId}/items`)).body.items.map((i: { id: string }) => i.id)
  ;[baseRun, baseTraces] = await run('baseline', 0x100, [true, false, true])
  ;[headRun, headTraces] = await run('candidate', 0x200, [true, true, false])
})
afterAll(() => api.close())

describe('GET /api/runs/{id}/items', () => {
  it("joins each scored trace's input and output, the dataset's expectations and every verdict with its rationale", async () => {
    const res = await get(`/runs/${baseRun}/items`)
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(3)
    expect(res.body.failed).toBe(1)
    const failing = res.body.items[1]
    expect(failing).toMatchObject({
      traceId: baseTraces[1],
      evalItem: itemIds[1],
      passed: false,
      input: JSON.stringify({ question: QUESTIONS[1] }),
      output: JSON.stringify('answer 1'),
      durationMs: 1200,
      expectations: { answer: 'expected 1' },
    })
    const judge = failing.scores.find((s: { name: string }) => s.name === 'correctness')
    expect(judge).toMatchObject({
      passed: false,
      value: 'incorrect',
      rationale: `The answer misses "${QUESTIONS[1]}".`,
    })
    expect(failing.scores.find((s: { name: string }) => s.name === 'exact')).toMatchObject({
      passed: false,
      value: false,
    })
  })

  it('keeps only failures with outcome=failed, and pages with a cursor bound to the list', async () => {
    const failed = await get(`/runs/${baseRun}/items?outcome=failed`)
    expect(failed.body.items.map((i: { traceId: string }) => i.traceId)).toEqual([baseTraces[1]])
    const first = await get(`/runs/${baseRun}/items?limit=2`)
    expect(first.body.items).toHaveLength(2)
    const second = await get(`/runs/${baseRun}/items?limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((i: { traceId: string }) => i.traceId)).toEqual([baseTraces[2]])
    expect(second.body.nextCursor).toBeUndefined()
    const reused = await get(`/runs/${baseRun}/items?outcome=failed&cursor=${first.body.nextCursor}`)
    expect(reused.status).toBe(400)
    expect(reused.body.error.field).toBe('query.cursor')
  })

  it('answers 404 for an unknown run and 400 for a bad outcome', async () => {
    expect((await get('/runs/no-such-run/items')).status).toBe(404)
    const bad = await get(`/runs/${baseRun}/items?outcome=maybe`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('query.outcome')
  })
})

describe('GET /api/runs/{id}/compare', () => {
  it('matches items by dataset item and says what improved and what regressed', async () => {
    const res = await get(`/runs/${headRun}/compare?baseline=${baseRun}`)
    expect(res.status).toBe(200)
    expect(res.body.counts).toEqual({ regressed: 1, improved: 1, added: 0, removed: 0, unchanged: 1 })
    expect(res.body.items[0]).toMatchObject({
      key: itemIds[2],
      change: 'regressed',
      baseTraceId: baseTraces[2],
      headTraceId: headTraces[2],
      base: { correctness: { passed: true } },
      head: { correctness: { passed: false, value: 'incorrect' } },
    })
    expect(res.body.items[1]).toMatchObject({ key: itemIds[1], change: 'improved' })
    const correctness = res.body.scorers.find((s: { name: string }) => s.name === 'correctness')
    expect(correctness).toMatchObject({ basePassRate: 2 / 3, headPassRate: 2 / 3, improved: 1, regressed: 1 })
    expect(res.body.scorers.find((s: { name: string }) => s.name === 'exact').baseMean).toBeCloseTo(2 / 3)
  })

  it('answers 404 naming the baseline when it is not a run of the project', async () => {
    const res = await get(`/runs/${headRun}/compare?baseline=nope`)
    expect(res.status).toBe(404)
    expect(res.body.error.field).toBe('query.baseline')
  })
})
