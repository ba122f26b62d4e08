/** `GET /api/traces/{traceId}`: one trace with all its spans, events and assessments. */
import { Assessment, SpanEventRow, SpanRow } from '@assay/core'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TraceIdParam } from '../../schemas/common.js'

export const TraceDetail = z.object({
  trace_id: z.string(),
  spans: z.array(SpanRow),
  events: z.array(SpanEventRow),
  assessments: z.array(Assessment),
})

export const getTraceRoute = createRoute({
  method: 'get',
  path: '/traces/{traceId}',
  tags: ['traces'],
  summary: 'Get one trace with its spans, events and assessments',
  request: { params: z.object({ traceId: TraceIdParam }) },
  responses: {
    200: { content: { 'application/json': { schema: TraceDetail } }, description: 'The trace' },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Malformed trace id' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'No such trace' },
  },
})
