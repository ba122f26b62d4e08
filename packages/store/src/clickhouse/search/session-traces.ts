/**
 * The traces of sessions, from `trace_index` (duplicate-safe min/max): one
 * row per trace of the window that belongs to a session, with its start,
 * end, session, user and error flag. The lookup by session id reads only
 * the small index rows, never spans.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { INDEX_DAYS, type SearchWindow } from './window.js'

/** SQL of a CTE `session_traces`; with `onlySessions`, only those of `{sessions:Array(String)}`. */
export function sessionTracesCte(database: string, options: { onlySessions: boolean }): string {
  const only = options.onlySessions
    ? `AND trace_id IN (
            SELECT trace_id FROM ${database}.trace_index
            WHERE ${INDEX_DAYS} AND session_id IN {sessions:Array(String)}
        )`
    : ''
  return `session_traces AS (
    SELECT trace_id, min(start_min) AS start_at, max(end_max) AS end_at,
        max(session_id) AS session, max(user_id) AS user, max(has_error) AS error
    FROM ${database}.trace_index
    WHERE ${INDEX_DAYS} ${only}
    GROUP BY trace_id
    HAVING start_at >= fromUnixTimestamp64Nano({from:Int64})
       AND start_at < fromUnixTimestamp64Nano({to:Int64})
       AND session != ''${options.onlySessions ? ' AND session IN {sessions:Array(String)}' : ''}
)`
}

export interface SessionTrace {
  trace_id: string
  session_id: string
  user_id: string
  start_ns: string
  end_ns: string
  error: boolean
}

/** Every trace of these sessions in the window, in (start, trace id) order. */
export async function selectSessionTraces(
  ch: ClickHouse,
  projectId: string,
  window: SearchWindow,
  sessionIds: string[],
): Promise<SessionTrace[]> {
  if (sessionIds.length === 0) return []
  const rows = await queryRows<Omit<SessionTrace, 'error'> & { error: number }>(
    ch,
    `WITH ${sessionTracesCte(ch.database, { onlySessions: true })}
SELECT trace_id, session AS session_id, user AS user_id, error,
    toString(toUnixTimestamp64Nano(start_at)) AS start_ns, toString(toUnixTimestamp64Nano(end_at)) AS end_ns
FROM session_traces
ORDER BY start_at, trace_id`,
    { project_id: projectId, ...window, sessions: sessionIds },
  )
  return rows.map((r) => ({ ...r, error: Boolean(Number(r.error)) }))
}
