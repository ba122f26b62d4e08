/**
 * Search within one trace's content: the spans whose input, output or
 * status message, or one of whose events or log records (GenAI messages
 * sent as logs, exceptions), contains a text, case-insensitively. The trace
 * view matches names, kinds and models on its light columns itself; this is
 * the part that needs the payloads, which stay on the server.
 */
import type { ClickHouse } from '../connect.js'
import { queryCompactRows } from './query-compact.js'
import { findTraceRange, RANGE_CONDITION, rangeParams } from './trace-range.js'

/** Ids of the matching spans (each once, sorted), or null when the project has no such trace. */
export async function searchTraceText(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
  text: string,
): Promise<string[] | null> {
  const range = await findTraceRange(ch, projectId, traceId)
  if (!range) return null
  const db = ch.database
  const ids = await queryCompactRows(
    ch,
    `SELECT span_id FROM (
    SELECT span_id
    FROM ${db}.spans
    WHERE project_id = {project:String}
      AND trace_id = {trace:String}
      AND ${RANGE_CONDITION}
      AND (positionCaseInsensitiveUTF8(input, {text:String}) > 0
        OR positionCaseInsensitiveUTF8(output, {text:String}) > 0
        OR positionCaseInsensitiveUTF8(status_message, {text:String}) > 0)
    UNION ALL
    SELECT span_id
    FROM ${db}.span_events
    WHERE project_id = {project:String}
      AND trace_id = {trace:String}
      AND (positionCaseInsensitiveUTF8(body, {text:String}) > 0
        OR arrayExists(v -> positionCaseInsensitiveUTF8(v, {text:String}) > 0, mapValues(attributes)))
)
GROUP BY span_id
ORDER BY span_id`,
    { project: projectId, trace: traceId, text, ...rangeParams(range) },
    (r) => r[0] as string,
  )
  return ids
}
