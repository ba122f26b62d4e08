/** `DELETE /api/traces`: delete traces by id, or by age (and filter) for retention. */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { FilterParam } from './schemas.js'

export const MAX_DELETE_IDS = 1000

export const DeleteTracesBody = z
  .object({
    trace_ids: z
      .array(z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex characters'))
      .min(1)
      .max(MAX_DELETE_IDS)
      .optional(),
    older_than: z.string().optional().openapi({
      description:
        'Traces that started before this: an ISO date-time, ns since the epoch, or an age such as 30d, 12h',
      example: '30d',
    }),
    filter: FilterParam.optional().openapi({
      description: 'With older_than: only the traces this filter selects',
    }),
  })
  .openapi('DeleteTraces')

export const deleteTracesRoute = createRoute({
  method: 'delete',
  path: '/traces',
  tags: ['traces'],
  summary: 'Delete traces',
  description:
    'Either `trace_ids`, or `older_than` with an optional `filter`. A delete by age removes at most 100,000 traces per call; `more` says whether to call again.',
  request: { body: { content: { 'application/json': { schema: DeleteTracesBody } }, required: true } },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ deleted: z.number().int(), more: z.boolean() }) },
      },
      description: 'How many traces were deleted',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad body' },
  },
})
