/** `GET /api/spans`: spans across traces that match a filter, in a time window, sorted, cursor-paginated. */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { SpanSearchQuery, SpanSummary } from './schemas.js'

export const searchSpansRoute = createRoute({
  method: 'get',
  path: '/spans',
  tags: ['spans'],
  summary: 'Search spans across traces',
  description:
    "Spans starting in the window (default: the last 24 hours) that match the filter, e.g. `span.kind = 'RETRIEVER' AND span.duration_ms > 500`. Items carry input/output previews, not whole payloads.",
  request: {
    query: SpanSearchQuery,
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ items: z.array(SpanSummary), nextCursor: z.string().optional() }),
        },
      },
      description: 'One page of spans',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' },
  },
})
