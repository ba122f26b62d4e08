/** `GET /api/metrics`: volume, errors, latency percentiles, tokens and cost per time bucket, optionally grouped. */
import { METRIC_GROUPS } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TimeParam } from '../../schemas/common.js'
import { FilterParam } from '../search/schemas.js'

const Percentiles = z.object({ p50: z.number(), p95: z.number(), p99: z.number() }).openapi('Percentiles')

export const MetricPoint = z
  .object({
    bucket: z.string().openapi({ description: 'Bucket start, ns since the epoch' }),
    traces: z.number().int(),
    spans: z.number().int(),
    errors: z.number().int(),
    error_rate: z.number(),
    latency_ms: Percentiles.nullable().openapi({ description: 'Span durations' }),
    trace_latency_ms: Percentiles.nullable().openapi({ description: 'Root span (trace) durations' }),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    total_tokens: z.number().int(),
    cost_usd: z.number(),
  })
  .openapi('MetricPoint')

export const getMetricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['metrics'],
  summary: 'Metrics over time',
  description:
    'Per time bucket (chosen from the window unless given) and per value of group_by: volume, error rate, latency percentiles, tokens and cost of the spans that start in the window and match the filter.',
  request: {
    query: z.object({
      from: TimeParam.optional(),
      to: TimeParam.optional(),
      bucket: z.string().max(16).optional().openapi({ example: '1h' }),
      group_by: z.enum(METRIC_GROUPS).optional(),
      filter: FilterParam.optional(),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            bucket_seconds: z.number().int(),
            series: z.array(z.object({ group: z.string().nullable(), points: z.array(MetricPoint) })),
            truncated: z.boolean(),
          }),
        },
      },
      description: 'One series per group, every bucket of the window present',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' },
  },
})
