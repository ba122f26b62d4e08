/**
 * What an assessment is attached to must exist: the trace has spans in the
 * project, and a span id, when given, is one of them. The trace's time
 * range comes from `trace_index` first so the spans read touches only the
 * hours the trace lives in (as `getTraceSpans` does).
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { AssessmentRejected } from './assessment-rejected.js'

export async function checkAssessmentTarget(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
  spanId = '',
): Promise<void> {
  const db = ch.database
  const [row] = await queryRows<{ spans: number | string; matches: number | string }>(
    ch,
    `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id = {trace:String}
)
SELECT count() AS spans, countIf(span_id = {span:String}) AS matches
FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id = {trace:String}
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)`,
    { project: projectId, trace: traceId, span: spanId },
  )
  if (Number(row?.spans ?? 0) === 0) {
    throw new AssessmentRejected('trace_not_found', `trace ${traceId} not found`, 'trace_id')
  }
  if (spanId !== '' && Number(row?.matches ?? 0) === 0) {
    throw new AssessmentRejected(
      'span_not_in_trace',
      `span ${spanId} is not a span of trace ${traceId}`,
      'span_id',
    )
  }
}
