import { z } from 'zod'
import { SpanStatusCode, TraceId, UnixNano } from './span.js'

/**
 * A trace as the trace list shows it: computed from its spans (a trace is
 * not a stored row). Times are nanoseconds as decimal strings, like spans.
 */
export const TraceSummary = z.object({
  project_id: z.string().min(1),
  trace_id: TraceId,
  /** Name of the root span (or of the earliest span while the root has not arrived). */
  name: z.string(),
  start_time: UnixNano,
  /** Latest end among the trace's spans. */
  end_time: UnixNano,
  duration_ms: z.number().nonnegative(),
  /** `ERROR` when any span errored, otherwise the root span's status. */
  status_code: SpanStatusCode,
  span_count: z.number().int().nonnegative(),
  /** Root input and output, truncated for previews. */
  input_preview: z.string(),
  output_preview: z.string(),
  input_tokens: z.number().int().nonnegative(),
  output_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative(),
  cost_usd: z.number().nonnegative(),
  session_id: z.string(),
  user_id: z.string(),
  /** LoggedModel id. */
  model_id: z.string(),
})
export type TraceSummary = z.infer<typeof TraceSummary>
