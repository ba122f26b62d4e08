// Span rows for tests, built through core's one constructor of defaults.
import { emptySpanRow, type SpanRow } from '@assay/core'

export const TRACE_ID = `${'a'.repeat(31)}1`
const MS = 1_000_000n
const T0 = 1_700_000_000_000n * MS

/** A span starting `startMs` after T0 and lasting `durationMs`. */
export function span(
  id: number,
  fields: Partial<SpanRow> & { startMs?: number; durationMs?: number } = {},
): SpanRow {
  const { startMs = 0, durationMs = 10, ...rest } = fields
  const start = T0 + BigInt(startMs) * MS
  return emptySpanRow({
    project_id: 'p1',
    trace_id: TRACE_ID,
    span_id: spanId(id),
    start_time: start.toString(),
    end_time: (start + BigInt(Math.round(durationMs * 1000)) * 1000n).toString(),
    ...rest,
  })
}

export function spanId(id: number): string {
  return id.toString(16).padStart(16, '0')
}
