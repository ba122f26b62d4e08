import { z } from 'zod'
import { SpanId, TraceId, UnixNano } from './span.js'

/**
 * A span event or an OTLP log record that belongs to a span (GenAI message
 * events, exceptions): one row of the ClickHouse `span_events` table.
 */
export const SpanEventRow = z.object({
  project_id: z.string().min(1),
  trace_id: TraceId,
  span_id: SpanId,
  /** Nanoseconds since the epoch as a decimal string. */
  time: UnixNano,
  /** Event name, e.g. `gen_ai.user.message`, `exception`. */
  name: z.string(),
  /** `span_event` for events on a span, `log` for log records. */
  source: z.enum(['span_event', 'log']),
  attributes: z.record(z.string(), z.string()),
  /** A log record's body as JSON text ('' for span events). */
  body: z.string(),
})
export type SpanEventRow = z.infer<typeof SpanEventRow>
