/** Response bodies of the filter routes, as zod schemas for the OpenAPI document. */
import { z } from '@hono/zod-openapi'

export const FilterFieldSchema = z
  .object({
    name: z.string().openapi({ example: 'span.kind' }),
    /** How it is written: `span.attributes.<key>` for a keyed field. */
    label: z.string().openapi({ example: 'span.kind' }),
    type: z.enum(['string', 'enum', 'number', 'text', 'prompt', 'attribute', 'feedback']),
    level: z.enum(['span', 'trace']),
    keyed: z.boolean(),
    values: z.array(z.string()).optional(),
    operators: z.array(z.string()).openapi({ example: ['=', '!=', 'IN', 'NOT IN'] }),
    description: z.string(),
    example: z.string(),
  })
  .openapi('FilterField')

export const FilterSuggestionsSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    items: z.array(
      z.object({
        label: z.string(),
        insertText: z.string(),
        kind: z.enum(['field', 'operator', 'value', 'keyword']),
        detail: z.string().optional(),
      }),
    ),
    values: z.object({ field: z.string(), prefix: z.string(), keys: z.boolean().optional() }).optional(),
  })
  .openapi('FilterSuggestions')

export const FilterErrorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      field: z.string().optional(),
      position: z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() }),
      expected: z.array(z.string()),
    }),
  })
  .openapi('FilterError')
