/**
 * One span of a trace, whole (input, output, attributes): what the trace
 * view loads for the span a user selects, beside the light tree columns of
 * `getTraceTree`. Bounded by the trace's range from `trace_index` and by
 * span_id (the last column of the sort key). Copies of a re-sent span share
 * their content; the earliest is returned, as `getTraceSpans` keeps it.
 */
import type { SpanRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryCompactRows } from './query-compact.js'
import { SPAN_SELECT_LIST, spanRowOf } from './span-row-columns.js'
import { findTraceRange, RANGE_CONDITION, rangeParams } from './trace-range.js'

/** The span, or null when the project has no such trace or the trace no such span. */
export async function getTraceSpan(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
  spanId: string,
): Promise<SpanRow | null> {
  const range = await findTraceRange(ch, projectId, traceId)
  if (!range) return null
  const [span] = await queryCompactRows(
    ch,
    `SELECT ${SPAN_SELECT_LIST}
FROM ${ch.database}.spans
WHERE project_id = {project:String}
  AND trace_id = {trace:String}
  AND span_id = {span:String}
  AND ${RANGE_CONDITION}
ORDER BY start_time
LIMIT 1`,
    { project: projectId, trace: traceId, span: spanId, ...rangeParams(range) },
    (r) => spanRowOf(projectId, traceId, r),
  )
  return span ?? null
}
