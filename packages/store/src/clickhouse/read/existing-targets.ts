/**
 * Which of some traces and spans exist in a project, for callers that
 * accept ids from outside and report the unknown ones instead of storing
 * dangling references (annotation queues). Trace ids are looked up in
 * `trace_index` (one row group per trace); span pairs read `spans` only
 * for the given traces, within the hours those traces live in.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'

/** The ids among `traceIds` that have spans in the project. */
export async function existingTraceIds(
  ch: ClickHouse,
  projectId: string,
  traceIds: string[],
): Promise<Set<string>> {
  if (traceIds.length === 0) return new Set()
  const rows = await queryRows<{ trace_id: string }>(
    ch,
    `SELECT DISTINCT trace_id FROM ${ch.database}.trace_index
WHERE project_id = {project:String} AND trace_id IN {traces:Array(String)}`,
    { project: projectId, traces: traceIds },
  )
  return new Set(rows.map((r) => r.trace_id))
}

/** The `trace_id/span_id` keys among `spans` that exist in the project. */
export async function existingSpanKeys(
  ch: ClickHouse,
  projectId: string,
  spans: { traceId: string; spanId: string }[],
): Promise<Set<string>> {
  if (spans.length === 0) return new Set()
  const db = ch.database
  const rows = await queryRows<{ trace_id: string; span_id: string }>(
    ch,
    `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id IN {traces:Array(String)}
)
SELECT DISTINCT trace_id, span_id FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id IN {traces:Array(String)}
  AND span_id IN {spans:Array(String)}
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)`,
    {
      project: projectId,
      traces: [...new Set(spans.map((s) => s.traceId))],
      spans: [...new Set(spans.map((s) => s.spanId))],
    },
  )
  return new Set(rows.map((r) => `${r.trace_id}/${r.span_id}`))
}
