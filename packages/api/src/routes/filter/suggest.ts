/** `GET /api/filter/suggest?q=&cursor=`: completions at the cursor, from the parser (see core's suggestFilter). */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { FilterSuggestionsSchema } from './schemas.js'

export const suggestFilterRoute = createRoute({
  method: 'get',
  path: '/filter/suggest',
  tags: ['filter'],
  summary: 'Complete a filter at the cursor',
  request: {
    query: z.object({
      q: z.string().optional().openapi({ example: 'span.kind = RE' }),
      /** A string offset into q; defaults to its end. */
      cursor: z.coerce.number().int().min(0).optional().openapi({ example: 14 }),
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: FilterSuggestionsSchema } },
      description: 'What may come at the cursor, and the range of q it replaces',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' },
  },
})
