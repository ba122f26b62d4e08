/** `GET /api/filter/values?field=&prefix=`: values (or keys) of a field seen recently in this project. */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TimeParam } from '../../schemas/common.js'

export const filterValuesRoute = createRoute({
  method: 'get',
  path: '/filter/values',
  tags: ['filter'],
  summary: 'Recently seen values of a filter field',
  request: {
    query: z.object({
      field: z.string().min(1).max(1024).openapi({ example: 'span.name' }),
      prefix: z.string().max(1024).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      from: TimeParam.optional(),
      to: TimeParam.optional(),
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ values: z.array(z.string()) }) } },
      description: 'Distinct values, most frequent first',
    },
    400: {
      content: { 'application/json': { schema: ErrorSchema } },
      description: 'Unknown field or bad window',
    },
  },
})
