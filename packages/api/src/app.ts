/**
 * The Assay API: every resource under `/api`, request and response bodies
 * as zod schemas, and the OpenAPI document generated from them at
 * `/api/openapi.json`.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from './deps.js'
import { ApiError, errorResponse } from './errors.js'
import { traceRoutes } from './routes/traces/index.js'

export function createApi(deps: ApiDeps) {
  const api = new OpenAPIHono<{ Variables: { projectId: string } }>({
    // A request that fails its schema gets a 400 naming the first bad field.
    defaultHook: (result, c) => {
      if (result.success) return
      const issue = result.error.issues[0]!
      const field = [result.target, ...issue.path].join('.')
      return errorResponse(c, new ApiError(400, `${field}: ${issue.message}`, field))
    },
  })
  api.use('*', async (c, next) => {
    c.set('projectId', await deps.projectOf(c.req.raw))
    await next()
  })
  const routes = api.route('/', traceRoutes(deps))
  api.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'Assay API', version: '0.1.0' } })
  api.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error)
    deps.logError?.(error, c.req.path)
    return errorResponse(c, new ApiError(500, 'internal error'))
  })
  return routes
}

/** The API's type, for Hono's typed client (`hc<ApiType>`). */
export type ApiType = ReturnType<typeof createApi>
