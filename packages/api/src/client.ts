/**
 * The typed client for the dashboard, the SDK and the CLI: request and
 * response types come from the routes themselves, never restated.
 *
 * @example
 *   const api = createApiClient('http://localhost:4318/api')
 *   const res = await api.traces.$get({ query: { limit: '20' } })
 */
import { hc } from 'hono/client'
import type { ApiType } from './app.js'

export type { ApiType }

export function createApiClient(baseUrl: string, init?: Parameters<typeof hc>[1]) {
  return hc<ApiType>(baseUrl, init)
}
