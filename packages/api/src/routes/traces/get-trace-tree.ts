/**
 * `GET /api/traces/{traceId}/tree`: what the span tree and waterfall draw,
 * for every span of the trace, in columns (see `getTraceTree` in the
 * store): a 30,000-span trace in about 2 MB rather than 25. A span's whole
 * payload is `GET /traces/{traceId}/spans/{spanId}`.
 */
import { getTraceTree } from '@assay/store'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { ErrorSchema, TraceIdParam } from '../../schemas/common.js'
import { traceIdOf } from './ids.js'

const DictColumn = z
  .object({ values: z.array(z.string()), index: z.array(z.number().int()) })
  .openapi('DictColumn', { description: 'Span i has `values[index[i]]`.' })

const Numbers = z.array(z.number())

export const TraceTree = z
  .object({
    trace_id: z.string(),
    origin: z.string().openapi({ description: 'First span start, ns since the epoch' }),
    session_id: z.string(),
    user_id: z.string(),
    model_id: z.string(),
    span_id: z.array(z.string()).openapi({ description: 'Per span, in (start, span_id) order' }),
    parent: z.array(z.number().int()).openapi({ description: 'Position of the parent span, -1 for none' }),
    start: Numbers.openapi({ description: 'ns from origin' }),
    duration: Numbers.openapi({ description: 'ns' }),
    name: DictColumn,
    kind: DictColumn,
    status_code: DictColumn,
    status_message: DictColumn,
    model: DictColumn,
    total_tokens: Numbers,
    cost_usd: Numbers,
  })
  .openapi('TraceTree')

export const getTraceTreeRoute = createRoute({
  method: 'get',
  path: '/traces/{traceId}/tree',
  tags: ['traces'],
  summary: "A trace's spans as columns for its tree and waterfall",
  description:
    'Ids, parent positions, names, kinds, status, model, tokens, cost and times of every span (re-sent spans once), without inputs, outputs or attributes.',
  request: { params: z.object({ traceId: TraceIdParam }) },
  responses: {
    200: { content: { 'application/json': { schema: TraceTree } }, description: 'The tree columns' },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Malformed trace id' },
    404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'No such trace' },
  },
})

export const getTraceTreeHandler =
  (deps: ApiDeps): RouteHandler<typeof getTraceTreeRoute, ApiEnv> =>
  async (c) => {
    const traceId = traceIdOf(c.req.valid('param').traceId)
    const tree = await getTraceTree(deps.clickhouse, c.get('projectId'), traceId)
    if (!tree) throw new ApiError(404, `trace ${traceId} not found`, 'path.traceId')
    return c.json(tree, 200)
  }
