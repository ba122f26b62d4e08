/**
 * Step one of the trace list: which traces start in the window, in
 * (start DESC, trace_id DESC) order after the cursor. Reads only
 * `trace_index` rows of the window's days.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'
import type { TraceCursor } from './trace-cursor.js'

/**
 * Days read before the window, so that a trace which began before `from`
 * and continued into the window is recognised (and excluded) by its true
 * start. A trace longer than this may appear in a later window as well.
 */
export const TRACE_LOOKBACK_DAYS = 1

export interface TracePageQuery {
  projectId: string
  from: string
  to: string
  limit: number
  after?: TraceCursor
}

export interface TracePageEntry {
  trace_id: string
  start_ns: string
}

const DAY_NS = 86_400_000_000_000n

// Computed here rather than in SQL: Date arithmetic below 1970-01-01 wraps around.
function scanFrom(from: string): string {
  const start = BigInt(from) - BigInt(TRACE_LOOKBACK_DAYS) * DAY_NS
  return (start > 0n ? start : 0n).toString()
}

export async function selectTracePage(ch: ClickHouse, q: TracePageQuery): Promise<TracePageEntry[]> {
  const afterCursor = q.after
    ? 'AND (start_at, trace_id) < (fromUnixTimestamp64Nano({after_start:Int64}), {after_trace:String})'
    : ''
  return queryRows<TracePageEntry>(
    ch,
    `SELECT trace_id, toString(toUnixTimestamp64Nano(start_at)) AS start_ns
FROM (
    SELECT trace_id, min(start_min) AS start_at
    FROM ${ch.database}.trace_index
    WHERE project_id = {project:String}
      AND day >= toDate(fromUnixTimestamp64Nano({scan_from:Int64}))
      AND day <= toDate(fromUnixTimestamp64Nano({to:Int64}))
    GROUP BY trace_id
)
WHERE start_at >= fromUnixTimestamp64Nano({from:Int64})
  AND start_at < fromUnixTimestamp64Nano({to:Int64})
  ${afterCursor}
ORDER BY start_at DESC, trace_id DESC
LIMIT {limit:UInt32}`,
    {
      project: q.projectId,
      from: q.from,
      scan_from: scanFrom(q.from),
      to: q.to,
      limit: q.limit,
      after_start: q.after?.start,
      after_trace: q.after?.traceId,
    },
  )
}
