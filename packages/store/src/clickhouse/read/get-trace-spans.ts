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
import { columnIndex, compareNanos, queryCompactRows } from './query-compact.js'
import { nanosOut } from './time-window.js'

// Every SpanRow column but project_id and trace_id (the WHERE fixes them) and the two times (read as ns strings).
const COLUMNS = [
  'span_id',
  'parent_span_id',
  'name',
  'kind',
  'status_code',
  'status_message',
  'service_name',
  'scope_name',
  'model_request',
  'model_response',
  'provider',
  'input_tokens',
  'output_tokens',
  'cached_tokens',
  'reasoning_tokens',
  'total_tokens',
  'cost_usd',
  'input',
  'output',
  'attributes',
  'resource_attributes',
  'session_id',
  'user_id',
  'model_id',
  'prompt_name',
  'prompt_version',
  'environment',
  'tags',
  'metadata',
  'start_ns',
  'end_ns',
] as const
const SELECT_LIST = COLUMNS.map((c) =>
  c === 'start_ns' ? nanosOut('start_time') : c === 'end_ns' ? nanosOut('end_time') : c,
).join(', ')
const I = columnIndex(COLUMNS)

type Str = SpanRow['attributes']

export async function getTraceSpans(ch: ClickHouse, projectId: string, traceId: string): Promise<SpanRow[]> {
  const db = ch.database
  const spans = await queryCompactRows(
    ch,
    `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id = {trace:String}
)
SELECT ${SELECT_LIST}
FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id = {trace:String}
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)`,
    { project: projectId, trace: traceId },
    (r): SpanRow => ({
      project_id: projectId,
      trace_id: traceId,
      span_id: r[I.span_id] as string,
      parent_span_id: r[I.parent_span_id] as string,
      name: r[I.name] as string,
      kind: r[I.kind] as SpanRow['kind'],
      status_code: r[I.status_code] as SpanRow['status_code'],
      status_message: r[I.status_message] as string,
      start_time: r[I.start_ns] as string,
      end_time: r[I.end_ns] as string,
      service_name: r[I.service_name] as string,
      scope_name: r[I.scope_name] as string,
      model_request: r[I.model_request] as string,
      model_response: r[I.model_response] as string,
      provider: r[I.provider] as string,
      // UInt32 and Float64 arrive as JSON numbers on both backends; Number() keeps the row type honest.
      input_tokens: Number(r[I.input_tokens]),
      output_tokens: Number(r[I.output_tokens]),
      cached_tokens: Number(r[I.cached_tokens]),
      reasoning_tokens: Number(r[I.reasoning_tokens]),
      total_tokens: Number(r[I.total_tokens]),
      cost_usd: Number(r[I.cost_usd]),
      input: r[I.input] as string,
      output: r[I.output] as string,
      attributes: r[I.attributes] as Str,
      resource_attributes: r[I.resource_attributes] as Str,
      session_id: r[I.session_id] as string,
      user_id: r[I.user_id] as string,
      model_id: r[I.model_id] as string,
      prompt_name: r[I.prompt_name] as string,
      prompt_version: r[I.prompt_version] as string,
      environment: r[I.environment] as string,
      tags: r[I.tags] as Str,
      metadata: r[I.metadata] as Str,
    }),
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
