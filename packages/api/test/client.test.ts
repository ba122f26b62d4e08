// The typed client (Hono's `hc` over the API's own type) talks to the real
// server: the dashboard and SDK use it, so its paths and types must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../src/client.js'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
beforeAll(async () => {
  api = await startTestApi()
})
afterAll(() => api.close())

describe('createApiClient', () => {
  it('lists traces and validates a filter through typed calls', async () => {
    const client = createApiClient(api.url)
    const list = await client.traces.$get({ query: { limit: '5' } })
    if (list.status !== 200) throw new Error(`unexpected ${list.status}`)
    // The status check narrows the body type to the 200 schema.
    const page = await list.json()
    expect(page.items).toEqual([])

    const bad = await client.filter.validate.$post({ json: { filter: 'span.knd = 1' } })
    expect(bad.status).toBe(400)
  })
})
