/**
 * The session list: sessions with a trace starting in the window, newest
 * first by their first trace's start, one keyset page at a time, each with
 * its totals over the window.
 */

import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { TimeBound } from '../read/time-window.js'
import { DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE } from './search-traces.js'
import { type SessionSummary, selectSessionTotals } from './session-totals.js'
import { selectSessionTraces, sessionTracesCte } from './session-traces.js'
import { pageSize, searchWindow } from './window.js'

export interface ListSessionsOptions {
  projectId: string
  from: TimeBound
  to: TimeBound
  limit?: number
  cursor?: string
}

export interface SessionPage {
  items: SessionSummary[]
  nextCursor?: string
}

const SCOPE = 'sessions:start:desc'
const START = /^[0-9]{1,19}$/
const ANY = /^[\s\S]{1,1024}$/

export async function listSessions(ch: ClickHouse, options: ListSessionsOptions): Promise<SessionPage> {
  const limit = pageSize(options.limit, DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE)
  const after = options.cursor ? decodeCursor(options.cursor, SCOPE, [START, ANY]) : undefined
  const window = searchWindow(options.from, options.to)
  const keys = await queryRows<{ session_id: string; start_ns: string }>(
    ch,
    `WITH ${sessionTracesCte(ch.database, { onlySessions: false })}
SELECT session AS session_id, min(start_at) AS first_start,
    toString(toUnixTimestamp64Nano(first_start)) AS start_ns
FROM session_traces
GROUP BY session
${after ? 'HAVING (first_start, session_id) < (fromUnixTimestamp64Nano({after_start:Int64}), {after_session:String})' : ''}
ORDER BY first_start DESC, session_id DESC
LIMIT {limit:UInt32}`,
    {
      project_id: options.projectId,
      ...window,
      limit: limit + 1,
      after_start: after?.[0],
      after_session: after?.[1],
    },
  )
  const page = keys.slice(0, limit)
  const traces = await selectSessionTraces(
    ch,
    options.projectId,
    window,
    page.map((k) => k.session_id),
  )
  const totals = await selectSessionTotals(ch, options.projectId, traces)
  const byId = new Map(totals.map((t) => [t.session_id, t]))
  const last = page[page.length - 1]
  return {
    items: page.flatMap((k) => byId.get(k.session_id) ?? []),
    nextCursor:
      keys.length > limit && last ? encodeCursor(SCOPE, [last.start_ns, last.session_id]) : undefined,
  }
}
