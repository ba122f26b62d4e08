/** Response schemas of the session routes. */
import { z } from '@hono/zod-openapi'
import { TraceSearchItem } from '../search/schemas.js'

export const SessionSummary = z
  .object({
    session_id: z.string(),
    user_id: z.string(),
    start_time: z.string().openapi({ description: 'First trace start, ns since the epoch' }),
    end_time: z.string().openapi({ description: 'Last span end, ns since the epoch' }),
    duration_ms: z.number(),
    trace_count: z.number().int(),
    error_count: z.number().int().openapi({ description: 'Traces with an ERROR span' }),
    span_count: z.number().int(),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    total_tokens: z.number().int(),
    cost_usd: z.number(),
  })
  .openapi('SessionSummary')

export const SessionDetail = z
  .object({
    session: SessionSummary,
    traces: z.array(TraceSearchItem).openapi({ description: 'This page of the traces, oldest first' }),
    nextCursor: z.string().optional(),
  })
  .openapi('SessionDetail')
