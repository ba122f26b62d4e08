/**
 * All spans of one trace, deduplicated, in start order. The trace's time
 * range comes from `trace_index` first, so the spans read touches only the
 * hour buckets the trace lives in.
 */
import type { SpanRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'
import { nanosOut } from './time-window.js'

// Every SpanRow column except the two times, which are read back as ns strings.
const SPAN_COLUMNS = [
  'project_id',
  'trace_id',
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
].join(', ')

type StoredSpan = Omit<SpanRow, 'start_time' | 'end_time'> & { start_ns: string; end_ns: string }

export async function getTraceSpans(ch: ClickHouse, projectId: string, traceId: string): Promise<SpanRow[]> {
  const db = ch.database
  const rows = await queryRows<StoredSpan>(
    ch,
    `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id = {trace:String}
)
SELECT ${SPAN_COLUMNS}, ${nanosOut('start_time')} AS start_ns, ${nanosOut('end_time')} AS end_ns
FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id = {trace:String}
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)
ORDER BY start_time, span_id
LIMIT 1 BY span_id`,
    { project: projectId, trace: traceId },
  )
  return rows.map(({ start_ns, end_ns, ...rest }) => ({
    ...rest,
    start_time: start_ns,
    end_time: end_ns,
    // UInt32 and Float64 arrive as numbers on both backends; coerce anyway so the row type holds.
    input_tokens: Number(rest.input_tokens),
    output_tokens: Number(rest.output_tokens),
    cached_tokens: Number(rest.cached_tokens),
    reasoning_tokens: Number(rest.reasoning_tokens),
    total_tokens: Number(rest.total_tokens),
    cost_usd: Number(rest.cost_usd),
  }))
}
