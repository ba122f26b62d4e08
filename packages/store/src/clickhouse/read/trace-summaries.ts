/**
 * Step two of the trace list: full summaries for one page of traces.
 *
 * Duplicate-safe fields (times, root name and previews, status, session,
 * user, model) merge from `trace_index`. Counts and totals come from the
 * page's spans, deduplicated with `LIMIT 1 BY` so a re-sent span never
 * counts twice; the read is bounded by the page's time range.
 */
import type { SpanStatusCode, TraceSummary } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'

interface SummaryRow {
  trace_id: string
  name: string
  start_ns: string
  end_ns: string
  any_error: number
  root_status: string
  input_preview: string
  output_preview: string
  session: string
  user: string
  model: string
  span_count: number | string
  input_tokens: number | string
  output_tokens: number | string
  total_tokens: number | string
  cost_usd: number
}

export async function selectTraceSummaries(
  ch: ClickHouse,
  projectId: string,
  traceIds: string[],
  pageStart: string,
): Promise<TraceSummary[]> {
  if (traceIds.length === 0) return []
  const db = ch.database
  const rows = await queryRows<SummaryRow>(
    ch,
    `WITH
idx AS (
    SELECT
        trace_id,
        min(start_min) AS start_at,
        max(start_max) AS last_start_at,
        max(end_max) AS end_at,
        max(has_error) AS any_error,
        argMinMerge(root_name) AS name,
        argMinMerge(root_status) AS root_status,
        argMinMerge(root_input) AS input_preview,
        argMinMerge(root_output) AS output_preview,
        max(session_id) AS session,
        max(user_id) AS user,
        max(model_id) AS model
    FROM ${db}.trace_index
    WHERE project_id = {project:String}
      AND day >= toDate(fromUnixTimestamp64Nano({page_start:Int64}))
      AND trace_id IN {ids:Array(String)}
    GROUP BY trace_id
),
totals AS (
    SELECT
        trace_id,
        count() AS span_count,
        sum(input_tokens) AS input_tokens,
        sum(output_tokens) AS output_tokens,
        sum(total_tokens) AS total_tokens,
        sum(cost_usd) AS cost_usd
    FROM (
        SELECT trace_id, span_id, input_tokens, output_tokens, total_tokens, cost_usd
        FROM ${db}.spans
        WHERE project_id = {project:String}
          AND trace_id IN {ids:Array(String)}
          AND start_time >= fromUnixTimestamp64Nano({page_start:Int64})
          AND start_time <= (SELECT max(last_start_at) FROM idx)
        LIMIT 1 BY trace_id, span_id
    )
    GROUP BY trace_id
)
SELECT
    idx.trace_id AS trace_id, name,
    toString(toUnixTimestamp64Nano(start_at)) AS start_ns,
    toString(toUnixTimestamp64Nano(end_at)) AS end_ns,
    any_error, root_status, input_preview, output_preview, session, user, model,
    span_count, input_tokens, output_tokens, total_tokens, cost_usd
FROM idx
LEFT JOIN totals ON totals.trace_id = idx.trace_id`,
    { project: projectId, ids: traceIds, page_start: pageStart },
  )
  return rows.map((r) => toSummary(projectId, r))
}

function toSummary(projectId: string, r: SummaryRow): TraceSummary {
  const durationNs = BigInt(r.end_ns) - BigInt(r.start_ns)
  return {
    project_id: projectId,
    trace_id: r.trace_id,
    name: r.name,
    start_time: r.start_ns,
    end_time: r.end_ns,
    duration_ms: durationNs > 0n ? Number(durationNs) / 1e6 : 0,
    status_code: Number(r.any_error) ? 'ERROR' : (r.root_status as SpanStatusCode) || 'UNSET',
    span_count: Number(r.span_count),
    input_preview: r.input_preview,
    output_preview: r.output_preview,
    input_tokens: Number(r.input_tokens),
    output_tokens: Number(r.output_tokens),
    total_tokens: Number(r.total_tokens),
    cost_usd: r.cost_usd,
    session_id: r.session,
    user_id: r.user,
    model_id: r.model,
  }
}
