/**
 * `POST /api/filter/validate {filter}`: `{ok: true}`, or a 400 whose body
 * carries the position and the expected tokens, for the dashboard to
 * underline. A blank filter is valid: it means "no filter".
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { FilterErrorSchema } from './schemas.js'

export const validateFilterRoute = createRoute({
  method: 'post',
  path: '/filter/validate',
  tags: ['filter'],
  summary: 'Check a filter',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            filter: z.string().openapi({ example: "span.kind = 'LLM' AND trace.duration_ms > 2s" }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
      description: 'Valid',
    },
    400: {
      content: { 'application/json': { schema: z.union([FilterErrorSchema, ErrorSchema]) } },
      description: 'Invalid filter (with position and expected tokens), or a malformed body',
    },
  },
})
