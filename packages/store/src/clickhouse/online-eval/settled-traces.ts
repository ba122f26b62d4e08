/**
 * What the online-evaluation matcher reads: the traces of a project that
 * settled in a time range (their last span ended in [from, settledBefore),
 * with `settledBefore` a quiet period before now, so a judge sees the whole
 * trace), in (end, trace id) order, one keyset page at a time.
 *
 * Candidates come from `trace_index` (duplicate-safe min/max per trace);
 * a trace that started up to `TRACE_LOOKBACK_DAYS` before `from` is still
 * found. The filter is applied to a page of candidates in a second, narrow
 * read (`matchingTraceIds`), so a page costs the same whatever the filter
 * selects and the matcher's watermark can move past traces that do not match.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { TRACE_LOOKBACK_DAYS } from '../read/trace-page.js'

export interface SettledTracesQuery {
  projectId: string
  /** Nanoseconds since the epoch (decimal strings): last span ended at or after `from`, before `settledBefore`. */
  from: string
  settledBefore: string
  /** The previous page's last trace. */
  after?: { endNs: string; traceId: string }
  limit: number
}

export interface SettledTrace {
  trace_id: string
  start_ns: string
  end_ns: string
}

export async function listSettledTraces(ch: ClickHouse, q: SettledTracesQuery): Promise<SettledTrace[]> {
  const after = q.after
    ? 'WHERE (end_at, trace_id) > (fromUnixTimestamp64Nano({oe_after_end:Int64}), {oe_after_trace:String})'
    : ''
  return queryRows<SettledTrace>(
    ch,
    `SELECT trace_id,
    toString(toUnixTimestamp64Nano(start_at)) AS start_ns,
    toString(toUnixTimestamp64Nano(end_at)) AS end_ns
FROM (
    SELECT trace_id, min(start_min) AS start_at, max(end_max) AS end_at
    FROM ${ch.database}.trace_index
    WHERE project_id = {oe_project:String}
      AND day >= toDate(fromUnixTimestamp64Nano({oe_from:Int64})) - ${TRACE_LOOKBACK_DAYS}
      AND day <= toDate(fromUnixTimestamp64Nano({oe_settled:Int64}))
    GROUP BY trace_id
    HAVING end_at >= fromUnixTimestamp64Nano({oe_from:Int64})
       AND end_at < fromUnixTimestamp64Nano({oe_settled:Int64})
)
${after}
ORDER BY end_at, trace_id
LIMIT {oe_limit:UInt32}`,
    {
      oe_project: q.projectId,
      oe_from: q.from,
      oe_settled: q.settledBefore,
      oe_after_end: q.after?.endNs,
      oe_after_trace: q.after?.traceId,
      oe_limit: q.limit,
    },
  )
}
