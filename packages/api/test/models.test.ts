// LoggedModels through real HTTP on embedded storage: records, search, reuse, linked traces/runs/prompts, comparison, bad input.
import { emptySpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const nowMs = Date.now()
const MS = 1_000_000n
const DAY_MS = 86_400_000

const get = (path: string) => api.request('GET', path)
const post = (path: string, body: unknown) => api.request('POST', path, body)

let traceNo = 0
/** One single-span trace of `durationMs`, stamped with a model id and a prompt. */
function trace(modelId: string, agoMs: number, durationMs: number, prompt = 'support/3') {
  traceNo++
  const start = BigInt(nowMs - agoMs) * MS
  const [promptName, promptVersion] = prompt.split('/')
  return {
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: `${'c'.repeat(28)}${String(traceNo).padStart(4, '0')}`,
      span_id: `f${'0'.repeat(11)}${String(traceNo).padStart(4, '0')}`,
      start_time: String(start),
      end_time: String(start + BigInt(durationMs) * MS),
    }),
    model_id: modelId,
    prompt_name: promptName!,
    prompt_version: promptVersion!,
    input_tokens: 100,
    output_tokens: 10,
    total_tokens: 110,
    cost_usd: 0.25,
  }
}

async function createModel(body: Record<string, unknown>, query = '') {
  const res = await post(`/models${query}`, body)
  expect([200, 201]).toContain(res.status)
  return res.body as { id: string; name: string }
}

beforeAll(async () => {
  api = await startTestApi()
})
afterAll(() => api.close())

describe('POST /api/models', () => {
  it('creates a model with params, tags, git info and source', async () => {
    const res = await post('/models', {
      name: 'support-bot',
      params: { model: 'gpt-4o', temperature: 0.2, rerank: true },
      tags: { team: 'support' },
      git: { commit: '9fceb02', branch: 'main', dirty: false },
      source: 'sdk',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      name: 'support-bot',
      params: { model: 'gpt-4o', temperature: 0.2, rerank: true },
      git: { commit: '9fceb02', branch: 'main', dirty: false },
      status: 'ready',
      projectId: api.projectId,
    })
    expect((await get(`/models/${res.body.id}`)).body).toEqual(res.body)
  })

  it('reuses the model of the same name, params and commit with reuse=true', async () => {
    const body = { name: 'reuse-me', params: { temperature: 0.5, model: 'x' }, git: { commit: 'abc' } }
    const first = await post('/models?reuse=true', body)
    expect(first.status).toBe(201)
    const again = await post('/models?reuse=true', { ...body, params: { model: 'x', temperature: 0.5 } })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(first.body.id)
    const otherCommit = await post('/models?reuse=true', { ...body, git: { commit: 'def' } })
    expect(otherCommit.status).toBe(201)
    const without = await post('/models', body)
    expect(without.status).toBe(201)
    expect(without.body.id).not.toBe(first.body.id)
  })

  it('answers 400 naming a param that is not a string, number or boolean', async () => {
    const res = await post('/models', { name: 'bad', params: { temperature: { value: 0.2 } } })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('body.params.temperature')
    expect(res.body.error.message).toContain('string, a number or a boolean')
    const list = await post('/models', { name: 'bad', params: { stop: ['\n'] } })
    expect(list.body.error.field).toBe('body.params.stop')
    const noName = await post('/models', { params: {} })
    expect(noName.body.error.field).toBe('body.name')
  })
})

describe('GET /api/models', () => {
  it('filters by name, params, tags and metrics, and pages with a cursor', async () => {
    const name = `search-${nowMs}`
    const low = await createModel({ name, params: { temperature: 0.2 }, tags: { team: 'a' } })
    const high = await createModel({ name, params: { temperature: 0.9 }, tags: { team: 'b' } })
    await post('/runs', {
      loggedModelId: low.id,
      status: 'completed',
      summary: {
        itemCount: 1,
        scorers: { correctness: { count: 1, errorCount: 0, mean: 0.9, passRate: 1 } },
        costUsd: 0,
        durationMs: 1,
      },
    })
    const ids = async (query: string) => {
      const res = await get(`/models?name=${name}&${query}`)
      expect(res.status).toBe(200)
      return res.body.items.map((m: { id: string }) => m.id)
    }
    expect(await ids('')).toEqual([high.id, low.id])
    expect(await ids('param=temperature=0.20')).toEqual([low.id])
    expect(await ids('tag=team=b')).toEqual([high.id])
    expect(await ids(`metric=${encodeURIComponent('correctness>=0.8')}`)).toEqual([low.id])
    expect(await ids(`metric=${encodeURIComponent('correctness>0.95')}`)).toEqual([])
    expect(await ids('param=temperature=0.2&tag=team=b')).toEqual([])

    const page = await get(`/models?name=${name}&limit=1`)
    expect(page.body.items.map((m: { id: string }) => m.id)).toEqual([high.id])
    const next = await get(`/models?name=${name}&limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`)
    expect(next.body.items.map((m: { id: string }) => m.id)).toEqual([low.id])
    expect(next.body.nextCursor).toBeUndefined()
  })

  it('answers 400 naming the bad condition or cursor', async () => {
    expect((await get('/models?param=temperature')).body.error.field).toBe('query.param')
    expect((await get('/models?tag==x')).body.error.field).toBe('query.tag')
    expect((await get('/models?metric=correctness~0.8')).body.error.field).toBe('query.metric')
    expect((await get('/models?status=done')).body.error.field).toBe('query.status')
    const page = await get('/models?limit=1')
    const tampered = `${page.body.nextCursor.slice(0, -2)}xx`
    const res = await get(`/models?limit=1&cursor=${tampered}`)
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('query.cursor')
    const reused = await get(`/models?limit=1&name=x&cursor=${page.body.nextCursor}`)
    expect(reused.body.error.field).toBe('query.cursor')
  })
})

describe('tags and finalize', () => {
  it('merges a tag patch and sets the final status', async () => {
    const model = await createModel({ name: 'tagged', tags: { a: '1', b: '2' }, status: 'pending' })
    const patched = await api.request('PATCH', `/models/${model.id}/tags`, { tags: { a: null, c: '3' } })
    expect(patched.status).toBe(200)
    expect(patched.body.tags).toEqual({ b: '2', c: '3' })
    const done = await post(`/models/${model.id}/finalize`, { status: 'failed' })
    expect(done.body.status).toBe('failed')
    expect((await post(`/models/${model.id}/finalize`, { status: 'pending' })).body.error.field).toBe(
      'body.status',
    )
    const badTag = await api.request('PATCH', `/models/${model.id}/tags`, { tags: { a: 1 } })
    expect(badTag.body.error.field).toBe('body.tags.a')
  })

  it('answers 404 naming path.id for an unknown model', async () => {
    for (const res of [
      await get('/models/nope'),
      await api.request('PATCH', '/models/nope/tags', { tags: {} }),
      await post('/models/nope/finalize', { status: 'ready' }),
      await get('/models/nope/traces'),
      await get('/models/nope/runs'),
      await get('/models/nope/prompts'),
    ]) {
      expect(res.status).toBe(404)
      expect(res.body.error.field).toBe('path.id')
    }
  })
})

describe("a model's traces, runs and prompts", () => {
  let a: { id: string }
  let b: { id: string }

  beforeAll(async () => {
    a = await createModel({ name: 'linked-a' })
    b = await createModel({ name: 'linked-b' })
    await insertSpans(api.clickhouse, [
      trace(a.id, 60_000, 1000, 'support/3'),
      trace(a.id, 50_000, 3000, 'support/10'),
      trace(a.id, 3 * DAY_MS, 2000, 'support/3'), // beyond 24 hours, inside a model's 30 days
      trace(b.id, 40_000, 500, 'triage/1'),
      trace('', 30_000, 100),
    ])
    await post('/runs', { loggedModelId: a.id, status: 'completed', summary: summaryOf(0.7) })
    await post('/runs', { loggedModelId: a.id, status: 'completed', summary: summaryOf(0.8) })
    await post('/runs', { loggedModelId: b.id, status: 'running' })
  })

  function summaryOf(mean: number) {
    return {
      itemCount: 4,
      scorers: { correctness: { count: 4, errorCount: 0, mean, passRate: mean } },
      costUsd: 0.01,
      durationMs: 100,
    }
  }

  it('lists the traces stamped with the model, over the last 30 days by default', async () => {
    const res = await get(`/models/${a.id}/traces`)
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(3)
    expect(res.body.items.every((t: { model_id: string }) => t.model_id === a.id)).toBe(true)
    const narrowed = await get(
      `/models/${a.id}/traces?filter=${encodeURIComponent('trace.duration_ms > 2500')}`,
    )
    expect(narrowed.body.items).toHaveLength(1)
    const bad = await get(`/models/${a.id}/traces?filter=${encodeURIComponent('trace.bogus = 1')}`)
    expect(bad.body.error.field).toBe('query.filter')
  })

  it('lists its runs with their metrics', async () => {
    const res = await get(`/models/${a.id}/runs`)
    expect(res.status).toBe(200)
    expect(
      res.body.items.map(
        (r: { summary: { scorers: { correctness: { mean: number } } } }) =>
          r.summary.scorers.correctness.mean,
      ),
    ).toEqual([0.8, 0.7])
  })

  it('lists the prompt versions its spans used', async () => {
    const res = await get(`/models/${a.id}/prompts`)
    expect(res.status).toBe(200)
    expect(
      res.body.items.map(
        (p: { promptName: string; promptVersion: string; traceCount: number }) =>
          `${p.promptName}/${p.promptVersion}:${p.traceCount}`,
      ),
    ).toEqual(['support/3:2', 'support/10:1'])
  })

  it('compares models on metrics, latency, cost and tokens', async () => {
    const res = await get(`/models/compare?ids=${a.id},${b.id}`)
    expect(res.status).toBe(200)
    const [ma, mb] = res.body.models
    expect(ma.model.id).toBe(a.id)
    expect(ma.latestRun.summary.scorers.correctness.mean).toBe(0.8)
    expect(ma.traces).toMatchObject({
      traceCount: 3,
      costUsd: { total: 0.75, meanPerTrace: 0.25 },
      totalTokens: { total: 330, meanPerTrace: 110 },
      latencyMs: { p50: 2000 },
    })
    expect(mb).toMatchObject({
      latestRun: null,
      traces: { traceCount: 1, latencyMs: { p50: 500, p95: 500 } },
    })
    const lastDay = await get(
      `/models/compare?ids=${a.id},${b.id}&from=${new Date(nowMs - DAY_MS).toISOString()}`,
    )
    expect(lastDay.body.models[0].traces.traceCount).toBe(2)
  })

  it('answers 400 or 404 naming query.ids for a bad comparison', async () => {
    expect((await get(`/models/compare?ids=${a.id}`)).body.error.field).toBe('query.ids')
    expect((await get(`/models/compare?ids=${a.id},${a.id}`)).body.error.field).toBe('query.ids')
    const missing = await get(`/models/compare?ids=${a.id},nope`)
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ field: 'query.ids', message: expect.stringContaining('nope') })
    expect((await get('/models/compare')).body.error.field).toBe('query.ids')
  })
})
