// Online-evaluation rules through real HTTP: create with a checked filter, sample
// rate and evaluator; list, change, pause, delete; a rule's jobs and failures.
import { claimJobs, enqueueJobs, failJob } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const scorer = (expected: string) => ({ type: 'code', scorer: 'exact_match', params: { expected } })

beforeAll(async () => {
  api = await startTestApi()
  await api.request('POST', '/evaluators', { name: 'exact', definition: scorer('a') })
  await api.request('POST', '/evaluators', { name: 'exact', definition: scorer('b') })
})
afterAll(() => api.close())

describe('POST /api/online-eval/rules', () => {
  it('creates a rule that follows the evaluator’s latest version by default', async () => {
    const res = await api.request('POST', '/online-eval/rules', {
      name: 'llm-calls',
      filter: " span.kind = 'LLM' ",
      sampleRate: 0.25,
      evaluator: 'exact',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      name: 'llm-calls',
      filter: "span.kind = 'LLM'",
      sampleRate: 0.25,
      evaluator: { name: 'exact', version: null },
      enabled: true,
      matchedUntil: null,
    })
    const pinned = await api.request('POST', '/online-eval/rules', {
      name: 'pinned',
      evaluator: 'exact',
      evaluatorVersion: 1,
    })
    expect(pinned.status).toBe(201)
    expect(pinned.body).toMatchObject({ filter: '', sampleRate: 1, evaluator: { version: 1 } })
  })

  it('answers 400 naming the field for a bad filter, sample rate or evaluator, 409 for a taken name', async () => {
    const bad = async (body: object) =>
      (await api.request('POST', '/online-eval/rules', { name: 'x', evaluator: 'exact', ...body })).body.error
    expect(await bad({ filter: 'span.knd = 1' })).toMatchObject({ field: 'body.filter' })
    expect((await bad({ filter: 'span.knd = 1' })).message).toMatch(/span\.kind/)
    expect(await bad({ sampleRate: 1.5 })).toMatchObject({ field: 'body.sampleRate' })
    expect(await bad({ sampleRate: -0.1 })).toMatchObject({ field: 'body.sampleRate' })
    expect(await bad({ evaluator: 'nope' })).toMatchObject({ field: 'body.evaluator' })
    expect(await bad({ evaluatorVersion: 9 })).toMatchObject({ field: 'body.evaluatorVersion' })
    expect(await bad({ evaluatorVersion: 0 })).toMatchObject({ field: 'body.evaluatorVersion' })
    const taken = await api.request('POST', '/online-eval/rules', { name: 'llm-calls', evaluator: 'exact' })
    expect(taken.status).toBe(409)
    expect(taken.body.error.field).toBe('body.name')
  })
})

describe('rules: list, read, change, delete', () => {
  it('lists newest first, pauses and renames, and deletes', async () => {
    const created = await api.request('POST', '/online-eval/rules', { name: 'to-change', evaluator: 'exact' })
    const id = created.body.id
    const list = await api.request('GET', '/online-eval/rules?limit=1')
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([id])
    expect(list.body.nextCursor).toBeDefined()
    const paused = await api.request('PATCH', `/online-eval/rules/${id}`, {
      enabled: false,
      evaluatorVersion: 2,
    })
    expect(paused.status).toBe(200)
    expect(paused.body).toMatchObject({ enabled: false, evaluator: { name: 'exact', version: 2 } })
    const badFilter = await api.request('PATCH', `/online-eval/rules/${id}`, { filter: 'trace.status = ' })
    expect(badFilter.body.error.field).toBe('body.filter')
    const clash = await api.request('PATCH', `/online-eval/rules/${id}`, { name: 'llm-calls' })
    expect(clash.status).toBe(409)
    const one = await api.request('GET', `/online-eval/rules/${id}`)
    expect(one.body).toMatchObject({
      name: 'to-change',
      enabled: false,
      jobs: { pending: 0, running: 0, done: 0, failed: 0 },
    })
    expect((await api.request('DELETE', `/online-eval/rules/${id}`)).status).toBe(204)
    expect((await api.request('GET', `/online-eval/rules/${id}`)).status).toBe(404)
    expect((await api.request('PATCH', `/online-eval/rules/${id}`, { enabled: true })).status).toBe(404)
    expect((await api.request('DELETE', `/online-eval/rules/${id}`)).status).toBe(404)
  })
})

describe('GET /api/online-eval/rules/{ruleId}/jobs', () => {
  it('shows a rule’s jobs, and its failures with the last error and attempts', async () => {
    const rule = (await api.request('POST', '/online-eval/rules', { name: 'with-jobs', evaluator: 'exact' }))
      .body
    await enqueueJobs(
      api.postgres.db,
      ['t1', 't2'].map((traceId) => ({ projectId: api.projectId, ruleId: rule.id, traceId })),
    )
    const claimed = await claimJobs(api.postgres.db, { workerId: 'w', limit: 10, leaseMs: 60_000 })
    const mine = claimed.find((j) => j.traceId === 't1')!
    await failJob(api.postgres.db, mine, 'judge answered garbage', null)
    const all = await api.request('GET', `/online-eval/rules/${rule.id}/jobs`)
    expect(all.body.items).toHaveLength(2)
    const failures = await api.request('GET', `/online-eval/rules/${rule.id}/jobs?status=failed`)
    expect(failures.body.items).toEqual([
      expect.objectContaining({
        traceId: 't1',
        status: 'failed',
        attempts: 1,
        lastError: 'judge answered garbage',
      }),
    ])
    expect((await api.request('GET', `/online-eval/rules/${rule.id}`)).body.jobs.failed).toBe(1)
    const bad = await api.request('GET', `/online-eval/rules/${rule.id}/jobs?status=broken`)
    expect(bad.body.error.field).toBe('query.status')
    expect((await api.request('GET', '/online-eval/rules/nope/jobs')).status).toBe(404)
  })
})
