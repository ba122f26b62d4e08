/**
 * The Assay API: every resource under `/api`, request and response bodies
 * as zod schemas, and the OpenAPI document generated from them at
 * `/api/openapi.json`.
 */
// First: it adds `.openapi()` to zod, which schemas built before it (in @assay/core) would lack.
import '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import { authMiddleware } from './auth/middleware.js'
import type { ApiDeps } from './deps.js'
import { ApiError, errorResponse } from './errors.js'
import { createRouter } from './router.js'
import { annotationRoutes } from './routes/annotations/index.js'
import { assessmentRoutes } from './routes/assessments/index.js'
import { authRoutes } from './routes/auth/index.js'
import { calibrationRoutes } from './routes/calibration/index.js'
import { datasetRoutes } from './routes/datasets/index.js'
import { evaluatorRoutes } from './routes/evaluators/index.js'
import { filterRoutes } from './routes/filter/index.js'
import { keyRoutes } from './routes/keys/index.js'
import { metricsRoutes } from './routes/metrics/index.js'
import { modelRoutes } from './routes/models/index.js'
import { onlineEvalRoutes } from './routes/online-eval/index.js'
import { projectRoutes } from './routes/projects/index.js'
import { promptRoutes } from './routes/prompts/index.js'
import { runRoutes } from './routes/runs/index.js'
import { runItemRoutes } from './routes/runs/item-index.js'
import { searchRoutes } from './routes/search/index.js'
import { sessionRoutes } from './routes/sessions/index.js'
import { traceRoutes } from './routes/traces/index.js'

export function createApi(deps: ApiDeps) {
  const api = createRouter()
  api.use('*', authMiddleware(deps))
  const routes = api
    .route('/', traceRoutes(deps))
    .route('/', assessmentRoutes(deps))
    .route('/', searchRoutes(deps))
    .route('/', sessionRoutes(deps))
    .route('/', metricsRoutes(deps))
    .route('/', filterRoutes(deps))
    .route('/', modelRoutes(deps))
    .route('/', evaluatorRoutes(deps))
    .route('/', runRoutes(deps))
    .route('/', runItemRoutes(deps))
    .route('/', onlineEvalRoutes(deps))
    .route('/', calibrationRoutes(deps))
    .route('/', annotationRoutes(deps))
    .route('/', datasetRoutes(deps))
    .route('/', promptRoutes(deps))
    .route('/', projectRoutes(deps))
    .route('/', keyRoutes(deps))
    .route('/', authRoutes(deps))
  api.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'Assay API', version: '0.1.0' } })
  api.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error)
    // Hono's own request errors (malformed JSON, a wrong media type) are the client's, not ours.
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ApiError(error.status, `body: ${error.message}`, 'body'))
    }
    deps.logError?.(error, c.req.path)
    return errorResponse(c, new ApiError(500, 'internal error'))
  })
  return routes
}

/** The API's type, for Hono's typed client (`hc<ApiType>`). */
export type ApiType = ReturnType<typeof createApi>
