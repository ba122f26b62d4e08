// Evaluators through real HTTP: versioned definitions by name, lists, one version, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const get = (path: string) => api.request('GET', path)
const post = (path: string, body: unknown) => api.request('POST', path, body)

const judge = {
  type: 'judge',
  builtin: null,
  template: 'Is {{outputs}} correct given {{expectations}}?',
  choices: [
    { label: 'yes', score: 1 },
    { label: 'no', score: 0 },
  ],
  passThreshold: 0.5,
  guidelines: [],
  model: 'gpt-4o-mini',
  modelParams: { temperature: 0 },
}
const scorer = { type: 'code', scorer: 'exact_match', params: {} }

beforeAll(async () => {
  api = await startTestApi()
})
afterAll(() => api.close())

describe('POST /api/evaluators', () => {
  it('makes a new version for a new definition, and keeps an unchanged one', async () => {
    const v1 = await post('/evaluators', { name: 'correctness', description: 'judge', definition: judge })
    expect(v1.status).toBe(201)
    expect(v1.body).toMatchObject({
      evaluator: { name: 'correctness', latestVersion: 1 },
      version: { version: 1 },
    })
    const same = await post('/evaluators', { name: 'correctness', definition: judge })
    expect(same.status).toBe(200)
    expect(same.body.version.version).toBe(1)
    const v2 = await post('/evaluators', {
      name: 'correctness',
      definition: { ...judge, passThreshold: 0.7 },
    })
    expect(v2.status).toBe(201)
    expect(v2.body).toMatchObject({
      evaluator: { latestVersion: 2, description: 'judge' },
      version: { version: 2 },
    })
  })

  it('answers 400 naming the field of a bad definition', async () => {
    const oneChoice = await post('/evaluators', {
      name: 'j',
      definition: { ...judge, choices: [judge.choices[0]] },
    })
    expect(oneChoice.status).toBe(400)
    expect(oneChoice.body.error.field).toBe('body.definition.choices')
    const kind = await post('/evaluators', { name: 'j', definition: { type: 'llm' } })
    expect(kind.body.error.field).toMatch(/^body\.definition/)
    const slash = await post('/evaluators', { name: 'a/b', definition: scorer })
    expect(slash.body.error.field).toBe('body.name')
  })
})

describe('GET /api/evaluators', () => {
  it('lists evaluators by name, one page at a time', async () => {
    await post('/evaluators', { name: 'exact', definition: scorer })
    const first = await get('/evaluators?limit=1')
    expect(first.body.items.map((e: { name: string }) => e.name)).toEqual(['correctness'])
    const next = await get(`/evaluators?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect(next.body.items.map((e: { name: string }) => e.name)).toEqual(['exact'])
    expect((await get('/evaluators?cursor=abc')).body.error.field).toBe('query.cursor')
  })

  it('returns one evaluator with its versions, newest first', async () => {
    const res = await get('/evaluators/correctness')
    expect(res.status).toBe(200)
    expect(res.body.evaluator.name).toBe('correctness')
    expect(res.body.versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1])
    expect(res.body.versions.items[1].definition).toEqual(judge)
    const missing = await get('/evaluators/nope')
    expect(missing.status).toBe(404)
    expect(missing.body.error.field).toBe('path.name')
  })

  it('returns one version by number or latest', async () => {
    expect((await get('/evaluators/correctness/versions/1')).body.definition).toEqual(judge)
    expect((await get('/evaluators/correctness/versions/latest')).body.version).toBe(2)
    const noVersion = await get('/evaluators/correctness/versions/9')
    expect(noVersion.status).toBe(404)
    expect(noVersion.body.error.field).toBe('path.version')
    expect((await get('/evaluators/nope/versions/1')).body.error.field).toBe('path.name')
    expect((await get('/evaluators/correctness/versions/zero')).body.error.field).toBe('path.version')
  })
})
