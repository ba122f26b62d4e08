// The OpenAPI document is generated from the route schemas: it must be a
// valid OpenAPI 3.1 document and list every route the API serves.
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../src/index.js'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
beforeAll(async () => {
  api = await startTestApi()
})
afterAll(() => api.close())

/** Hono's `/traces/:traceId` is OpenAPI's `/traces/{traceId}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await api.request('GET', '/openapi.json')
    expect(res.status).toBe(200)
    const result = await new Validator().validate(res.body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('lists every route the API serves, with its method', async () => {
    const doc = (await api.request('GET', '/openapi.json')).body as { paths: Record<string, object> }
    const app = createApi({
      clickhouse: api.clickhouse,
      postgres: api.postgres,
      projectOf: () => api.projectId,
    })
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json')
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`)
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    )
    expect(served.length).toBeGreaterThan(10)
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort())
  })
})
