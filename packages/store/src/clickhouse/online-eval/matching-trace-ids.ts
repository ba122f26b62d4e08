/**
 * Which of some known traces a filter selects: the filter's trace-level
 * condition evaluated over just those traces' spans (their start range
 * bounds the read). The online matcher asks this of each page of settled
 * traces.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { type FilterExpr, fragmentParams, traceFilterSql } from '../search/filter-sql.js'
import { nsRange } from '../search/window.js'

export interface MatchingTracesQuery {
  projectId: string
  traces: readonly { trace_id: string; start_ns: string; end_ns: string }[]
  filter: FilterExpr
}

export async function matchingTraceIds(ch: ClickHouse, q: MatchingTracesQuery): Promise<Set<string>> {
  if (q.traces.length === 0) return new Set()
  const filter = traceFilterSql(ch, q.filter)
  const min = nsRange(q.traces.map((t) => t.start_ns)).min
  // A span starts no later than the trace's last end; +1 makes the bound exclusive.
  const max = BigInt(nsRange(q.traces.map((t) => t.end_ns)).max) + 1n
  const where = filter.where ? `AND (${filter.where.sql})` : ''
  const rows = await queryRows<{ trace_id: string }>(
    ch,
    `SELECT trace_id FROM ${ch.database}.spans
WHERE project_id = {project_id:String}
  AND start_time >= fromUnixTimestamp64Nano({oe_min:Int64})
  AND start_time < fromUnixTimestamp64Nano({oe_max:Int64})
  AND trace_id IN {oe_ids:Array(String)}
  ${where}
GROUP BY trace_id
HAVING ${filter.having.sql}`,
    {
      ...fragmentParams(filter.where, filter.having),
      project_id: q.projectId,
      oe_min: min,
      oe_max: String(max),
      oe_ids: q.traces.map((t) => t.trace_id),
    },
  )
  return new Set(rows.map((r) => r.trace_id))
}
