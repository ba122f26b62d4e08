/**
 * The Assay API: every resource under `/api`, request and response bodies
 * as zod schemas, and the OpenAPI document generated from them at
 * `/api/openapi.json`.
 */
import type { ApiDeps } from './deps.js'
import { ApiError, errorResponse } from './errors.js'
import { createRouter } from './router.js'
import { assessmentRoutes } from './routes/assessments/index.js'
import { filterRoutes } from './routes/filter/index.js'
import { metricsRoutes } from './routes/metrics/index.js'
import { searchRoutes } from './routes/search/index.js'
import { sessionRoutes } from './routes/sessions/index.js'
import { traceRoutes } from './routes/traces/index.js'

export function createApi(deps: ApiDeps) {
  const api = createRouter()
  api.use('*', async (c, next) => {
    c.set('projectId', await deps.projectOf(c.req.raw))
    await next()
  })
  const routes = api
    .route('/', traceRoutes(deps))
    .route('/', assessmentRoutes(deps))
    .route('/', searchRoutes(deps))
    .route('/', sessionRoutes(deps))
    .route('/', metricsRoutes(deps))
    .route('/', filterRoutes(deps))
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
