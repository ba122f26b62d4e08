/**
 * `GET /api/models/compare?ids=a,b[,c]`: LoggedModels side by side, by
 * the summary of each one's latest completed evaluation run (optionally on
 * one dataset, so the runs compared scored the same items) and by latency,
 * cost and token use over its traces in a window.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { TimeParam } from '../../schemas/common.js'
import { RunSchema } from '../runs/schemas.js'
import { errorResponse, jsonResponse, LoggedModelSchema } from './schemas.js'

export const MAX_COMPARED = 10

const Total = z.object({ total: z.number(), meanPerTrace: z.number().nullable() })

export const ModelTraceStats = z
  .object({
    traceCount: z.number().int(),
    errorCount: z.number().int(),
    latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
    inputTokens: Total,
    outputTokens: Total,
    totalTokens: Total,
    costUsd: Total,
  })
  .openapi('ModelTraceStats')

export const ModelComparison = z
  .object({
    from: z.string(),
    to: z.string(),
    models: z.array(
      z.object({
        model: LoggedModelSchema,
        traces: ModelTraceStats,
        /** The run the metrics come from; null when the model has no completed run with a summary. */
        latestRun: RunSchema.nullable(),
      }),
    ),
  })
  .openapi('ModelComparison')

export const compareModelsRoute = createRoute({
  method: 'get',
  path: '/models/compare',
  tags: ['models'],
  summary: 'Compare LoggedModels on evaluation metrics, latency, cost and tokens',
  description:
    'Per model: the latest completed evaluation run with a summary (on `dataset_id` when given), and totals over the traces that start in the window (without `from`, the 30 days before `to`). Latency is per trace, first span start to last span end.',
  request: {
    query: z.object({
      ids: z
        .string()
        .max(4096)
        .openapi({ description: `2 to ${MAX_COMPARED} model ids, comma-separated` }),
      dataset_id: z.string().max(128).optional(),
      from: TimeParam.optional(),
      to: TimeParam.optional(),
    }),
  },
  responses: {
    200: jsonResponse(ModelComparison, 'The models in the order of `ids`'),
    400: errorResponse('Bad query'),
    404: errorResponse('An id that does not exist'),
  },
})
