/**
 * `GET /api/traces/{traceId}/spans/{spanId}`: one span, whole, with its
 * events and log records (GenAI messages sent as log records filled in, as
 * `GET /traces/{traceId}` does): what the trace view loads for the span a
 * user selects.
 */
import { SpanEventRow, SpanRow } from '@assay/core'
import { getSpanEvents, getTraceSpan } from '@assay/store'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { ErrorSchema, TraceIdParam } from '../../schemas/common.js'
import { SpanIdParam, spanIdOf, traceIdOf } from './ids.js'

export const SpanDetail = z.object({ span: SpanRow, events: z.array(SpanEventRow) })

export const getSpanRoute = createRoute({
  method: 'get',
  path: '/traces/{traceId}/spans/{spanId}',
  tags: ['traces'],
  summary: 'Get one span of a trace with its events',
  request: { params: z.object({ traceId: TraceIdParam, spanId: SpanIdParam }) },
  responses: {
    200: { content: { 'application/json': { schema: SpanDetail } }, description: 'The span' },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Malformed id' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'No such trace or span' },
  },
})

export const getSpanHandler =
  (deps: ApiDeps): RouteHandler<typeof getSpanRoute, ApiEnv> =>
  async (c) => {
    const param = c.req.valid('param')
    const traceId = traceIdOf(param.traceId)
    const spanId = spanIdOf(param.spanId)
    const projectId = c.get('projectId')
    const [span, events] = await Promise.all([
      getTraceSpan(deps.clickhouse, projectId, traceId, spanId),
      getSpanEvents(deps.clickhouse, projectId, traceId, spanId),
    ])
    if (!span) throw new ApiError(404, `span ${spanId} of trace ${traceId} not found`, 'path.spanId')
    const [filled] = deps.enrichSpans ? deps.enrichSpans([span], events) : [span]
    return c.json({ span: filled ?? span, events }, 200)
  }
