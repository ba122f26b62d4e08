/**
 * Where one trace lives, from `trace_index`: its first and last span start
 * (so a read of its spans touches one narrow range of the sort key) and the
 * trace-level ids (session, user, LoggedModel). Null when the project has
 * no such trace. Reads of a trace's parts call this first, then bound their
 * `spans` read with `RANGE_CONDITION` and `rangeParams`.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'
import { nanosOut } from './time-window.js'

export interface TraceRange {
  /** First and last span start, nanoseconds since the epoch as decimal strings. */
  first: string
  last: string
  session_id: string
  user_id: string
  model_id: string
}

/** SQL bounding `start_time` of a `spans` read by `rangeParams`. */
export const RANGE_CONDITION = `start_time >= fromUnixTimestamp64Nano({first:Int64})
  AND start_time <= fromUnixTimestamp64Nano({last:Int64})`

export function rangeParams(range: TraceRange): { first: string; last: string } {
  return { first: range.first, last: range.last }
}

export async function findTraceRange(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<TraceRange | null> {
  const [row] = await queryRows<TraceRange & { rows: string | number }>(
    ch,
    `SELECT ${nanosOut('min(start_min)')} AS first, ${nanosOut('max(start_max)')} AS last,
    max(session_id) AS session_id, max(user_id) AS user_id, max(model_id) AS model_id, count() AS rows
FROM ${ch.database}.trace_index
WHERE project_id = {project:String} AND trace_id = {trace:String}`,
    { project: projectId, trace: traceId },
  )
  if (!row || Number(row.rows) === 0) return null
  const { rows: _, ...range } = row
  return range
}
