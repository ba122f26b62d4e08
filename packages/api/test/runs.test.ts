// Evaluation runs through real HTTP: links checked in the project, status and summary reports, lists, bad input.
import { createProject, pgSchema } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const get = (path: string) => api.request('GET', path)
const post = (path: string, body: unknown) => api.request('POST', path, body)
const patch = (path: string, body: unknown) => api.request('PATCH', path, body)

let modelId: string
let datasetId: string
let foreignModelId: string

const summary = {
  itemCount: 3,
  scorers: { exact: { count: 3, errorCount: 0, mean: 2 / 3, passRate: 2 / 3 } },
  costUsd: 0,
  durationMs: 30,
}

beforeAll(async () => {
  api = await startTestApi()
  modelId = (await post('/models', { name: 'app' })).body.id
  const db = api.postgres.db
  const [dataset] = await db
    .insert(pgSchema.datasets)
    .values({ projectId: api.projectId, name: 'qa', version: 2 })
    .returning()
  datasetId = dataset!.id
  const other = await createProject(db, { name: 'other-project' })
  const [foreign] = await db
    .insert(pgSchema.loggedModels)
    .values({ projectId: other!.id, name: 'x' })
    .returning()
  foreignModelId = foreign!.id
  await post('/evaluators', {
    name: 'exact',
    definition: { type: 'code', scorer: 'exact_match', params: {} },
  })
})
afterAll(() => api.close())

describe('POST /api/runs', () => {
  it('records a run linked to a dataset version, a model and pinned evaluator versions', async () => {
    const res = await post('/runs', {
      name: 'ci',
      datasetId,
      loggedModelId: modelId,
      evaluators: [{ name: 'exact' }],
      status: 'running',
      config: { concurrency: 4 },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      name: 'ci',
      datasetVersion: 2,
      loggedModelId: modelId,
      evaluators: [{ name: 'exact', version: 1 }],
      status: 'running',
      finishedAt: null,
      summary: null,
    })
    expect(res.body.startedAt).toBeGreaterThan(0)
    expect((await get(`/runs/${res.body.id}`)).body).toEqual(res.body)
  })

  it('answers 404 or 400 naming the linked field that is wrong', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ loggedModelId: 'nope' }, 404, 'body.loggedModelId'],
      [{ loggedModelId: foreignModelId }, 404, 'body.loggedModelId'],
      [{ datasetId: 'nope' }, 404, 'body.datasetId'],
      [{ datasetId, datasetVersion: 3 }, 400, 'body.datasetVersion'],
      [{ datasetVersion: 1 }, 400, 'body.datasetVersion'],
      [{ evaluators: [{ name: 'exact' }, { name: 'nope' }] }, 404, 'body.evaluators.1.name'],
      [{ evaluators: [{ name: 'exact', version: 5 }] }, 404, 'body.evaluators.0.version'],
      [{ status: 'done' }, 400, 'body.status'],
      [{ summary: { itemCount: -1 } }, 400, 'body.summary.itemCount'],
    ]
    for (const [body, status, field] of cases) {
      const res = await post('/runs', body)
      expect({ body, status: res.status, field: res.body.error?.field }).toEqual({ body, status, field })
    }
  })
})

describe('PATCH /api/runs/{id}', () => {
  it('reports status and summary, and keeps a finished run finished', async () => {
    const run = (await post('/runs', { loggedModelId: modelId })).body
    expect(run).toMatchObject({ status: 'pending', startedAt: null })
    const done = await patch(`/runs/${run.id}`, { status: 'completed', summary })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'completed', summary })
    expect(done.body.finishedAt).toBeGreaterThanOrEqual(done.body.startedAt)
    const reopen = await patch(`/runs/${run.id}`, { status: 'running' })
    expect(reopen.status).toBe(409)
    expect(reopen.body.error.field).toBe('body.status')
    expect((await patch(`/runs/${run.id}`, { error: 'late note' })).body.error).toBe('late note')
    const missing = await patch('/runs/nope', { status: 'running' })
    expect(missing.status).toBe(404)
    expect(missing.body.error.field).toBe('path.id')
    expect((await patch(`/runs/${run.id}`, { summary: { itemCount: 1 } })).body.error.field).toBe(
      'body.summary.scorers',
    )
  })
})

describe('GET /api/runs', () => {
  it('lists runs by model and dataset, newest first, with a cursor', async () => {
    const byModel = await get(`/runs?model_id=${modelId}&limit=1`)
    expect(byModel.status).toBe(200)
    expect(byModel.body.items).toHaveLength(1)
    const rest = await get(`/runs?model_id=${modelId}&cursor=${encodeURIComponent(byModel.body.nextCursor)}`)
    expect(rest.body.items.length).toBeGreaterThan(0)
    expect(rest.body.items.every((r: { loggedModelId: string }) => r.loggedModelId === modelId)).toBe(true)
    const byDataset = await get(`/runs?dataset_id=${datasetId}`)
    expect(byDataset.body.items.map((r: { name: string }) => r.name)).toEqual(['ci'])
    const otherFilter = await get(
      `/runs?dataset_id=${datasetId}&cursor=${encodeURIComponent(byModel.body.nextCursor)}`,
    )
    expect(otherFilter.body.error.field).toBe('query.cursor')
    expect((await get('/runs/nope')).status).toBe(404)
  })
})
