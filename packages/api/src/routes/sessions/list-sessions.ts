/** `GET /api/sessions`: sessions with a trace in the window, newest first, with per-session totals. */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TimeParam } from '../../schemas/common.js'
import { CursorParam, LimitParam } from '../search/schemas.js'
import { SessionSummary } from './schemas.js'

export const listSessionsRoute = createRoute({
  method: 'get',
  path: '/sessions',
  tags: ['sessions'],
  summary: 'List sessions in a time window',
  request: {
    query: z.object({
      from: TimeParam.optional(),
      to: TimeParam.optional(),
      limit: LimitParam.optional(),
      cursor: CursorParam.optional(),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ items: z.array(SessionSummary), nextCursor: z.string().optional() }),
        },
      },
      description: 'One page of sessions',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' },
  },
})
