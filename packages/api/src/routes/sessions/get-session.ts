/** `GET /api/sessions/{sessionId}`: one session's traces in start order, with its totals. */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TimeParam } from '../../schemas/common.js'
import { CursorParam, LimitParam } from '../search/schemas.js'
import { SessionDetail } from './schemas.js'

export const SessionIdParam = z
  .string()
  .min(1)
  .max(512)
  .openapi({ param: { name: 'sessionId', in: 'path' }, example: 'chat-7f3a' })

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/sessions/{sessionId}',
  tags: ['sessions'],
  summary: 'Get one session',
  description:
    'Its traces that start in the window (default: the last 30 days), oldest first, and its totals over them.',
  request: {
    params: z.object({ sessionId: SessionIdParam }),
    query: z.object({
      from: TimeParam.optional(),
      to: TimeParam.optional(),
      limit: LimitParam.optional(),
      cursor: CursorParam.optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: SessionDetail } }, description: 'The session' },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad request' },
    404: {
      content: { 'application/json': { schema: ErrorSchema } },
      description: 'No trace of this session in the window',
    },
  },
})
