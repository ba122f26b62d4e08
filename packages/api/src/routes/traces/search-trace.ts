/**
 * `GET /api/traces/{traceId}/search?q=`: the spans of one trace whose
 * content contains a text (case-insensitive): input, output, status
 * message, event and log-record bodies and event attributes. Names, kinds
 * and models are in the tree columns, where the dashboard matches them
 * itself; this covers what only the payloads hold.
 */
import { searchTraceText } from '@assay/store'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { ErrorSchema, TraceIdParam } from '../../schemas/common.js'
import { traceIdOf } from './ids.js'

export const searchTraceRoute = createRoute({
  method: 'get',
  path: '/traces/{traceId}/search',
  tags: ['traces'],
  summary: 'Spans of a trace whose content contains a text',
  request: {
    params: z.object({ traceId: TraceIdParam }),
    query: z.object({ q: z.string().min(1).max(500).openapi({ example: 'refund' }) }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ span_ids: z.array(z.string()) }) } },
      description: 'Ids of the matching spans',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad request' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'No such trace' },
  },
})

export const searchTraceHandler =
  (deps: ApiDeps): RouteHandler<typeof searchTraceRoute, ApiEnv> =>
  async (c) => {
    const traceId = traceIdOf(c.req.valid('param').traceId)
    const ids = await searchTraceText(deps.clickhouse, c.get('projectId'), traceId, c.req.valid('query').q)
    if (!ids) throw new ApiError(404, `trace ${traceId} not found`, 'path.traceId')
    return c.json({ span_ids: ids }, 200)
  }
