/** `GET /api/filter/fields`: the filter language's field registry, for the dashboard's filter box and docs. */
import { FILTER_FIELDS, fieldLabel, OPERATORS_BY_TYPE, operatorLabel } from '@assay/core'
import { createRoute, z } from '@hono/zod-openapi'
import { FilterFieldSchema } from './schemas.js'

export const filterFieldsRoute = createRoute({
  method: 'get',
  path: '/filter/fields',
  tags: ['filter'],
  summary: 'List the fields of the filter language',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ fields: z.array(FilterFieldSchema) }) } },
      description: 'Every field, with its type, level, operators and allowed values',
    },
  },
})

/** The registry as served: computed once, it never changes at run time. */
export const filterFields = FILTER_FIELDS.map((f) => ({
  name: f.name,
  label: fieldLabel(f),
  type: f.type,
  level: f.level,
  keyed: f.keyed,
  ...(f.values ? { values: [...f.values] } : {}),
  operators: OPERATORS_BY_TYPE[f.type].filter((op) => op !== 'exists').map(operatorLabel),
  description: f.description,
  example: f.example,
}))
