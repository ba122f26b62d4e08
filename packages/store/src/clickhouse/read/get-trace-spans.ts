/**
 * All spans of one trace, deduplicated, in start order (ties by span_id).
 *
 * The trace's time range comes from `trace_index` first, so the spans read
 * touches only the hour buckets the trace lives in: one narrow range of the
 * sort key. Sorting and deduplication happen here rather than in SQL: for a
 * trace of tens of thousands of ~1 KB spans, `ORDER BY ... LIMIT 1 BY` makes
 * ClickHouse sort every wide row, which costs more than the read itself,
 * while sorting the parsed rows by their time string is cheap. Rows arrive
 * as arrays (`JSONCompactEachRow`), less to format and to parse than
 * objects repeating every column name per row.
 *
 * A re-sent span is a duplicate row until parts merge; duplicates share the
 * span_id (and their content). The first in (start, span_id) order is kept,
 * which is the row `ORDER BY start_time, span_id LIMIT 1 BY span_id` kept.
 */
import type { SpanRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { compareNanos, queryCompactRows } from './query-compact.js'
import { SPAN_SELECT_LIST, spanRowOf } from './span-row-columns.js'

export async function getTraceSpans(ch: ClickHouse, projectId: string, traceId: string): Promise<SpanRow[]> {
  const db = ch.database
  const spans = await queryCompactRows(
    ch,
    `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id = {trace:String}
)
SELECT ${SPAN_SELECT_LIST}
FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id = {trace:String}
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)`,
    { project: projectId, trace: traceId },
    (r) => spanRowOf(projectId, traceId, r),
  )
  spans.sort(
    (a, b) =>
      compareNanos(a.start_time, b.start_time) ||
      (a.span_id < b.span_id ? -1 : a.span_id > b.span_id ? 1 : 0),
  )
  // After the sort the copies of a span are neighbours (same start); the set also catches any that are not.
  const seen = new Set<string>()
  const unique: SpanRow[] = []
  for (const span of spans) {
    if (seen.has(span.span_id)) continue
    seen.add(span.span_id)
    unique.push(span)
  }
  return unique
}
