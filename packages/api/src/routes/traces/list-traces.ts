/** `GET /api/traces`: trace summaries in a time window, newest first, cursor-paginated. */
import { TraceSummary } from '@assay/core'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TimeParam } from '../../schemas/common.js'

export const listTracesRoute = createRoute({
  method: 'get',
  path: '/traces',
  tags: ['traces'],
  summary: 'List traces in a time window',
  request: {
    query: z.object({
      from: TimeParam.optional(),
      to: TimeParam.optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
      cursor: z.string().max(512).optional(),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ items: z.array(TraceSummary), nextCursor: z.string().optional() }),
        },
      },
      description: 'One page of trace summaries',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' },
  },
})
