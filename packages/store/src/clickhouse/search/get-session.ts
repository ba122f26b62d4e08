/**
 * One session: its totals over the window and its traces in the order they
 * started (a conversation reads top to bottom), one keyset page at a time,
 * as the same summaries the trace list shows.
 */

import { decodeCursor, encodeCursor, scopeDigest } from '../../cursor.js'
import type { ClickHouse } from '../connect.js'
import type { TimeBound } from '../read/time-window.js'
import { selectTraceSummaries } from '../read/trace-summaries.js'
import { selectAssessmentValues } from './assessment-values.js'
import type { TraceSearchItem } from './search-traces.js'
import { type SessionSummary, selectSessionTotals } from './session-totals.js'
import { type SessionTrace, selectSessionTraces } from './session-traces.js'
import { pageSize, searchWindow } from './window.js'

export const DEFAULT_SESSION_TRACES = 100

export interface GetSessionOptions {
  projectId: string
  sessionId: string
  from: TimeBound
  to: TimeBound
  limit?: number
  cursor?: string
}

export interface SessionDetail {
  session: SessionSummary
  /** This page of the session's traces, oldest first. */
  traces: TraceSearchItem[]
  nextCursor?: string
}

const START = /^[0-9]{1,19}$/
const TRACE_ID = /^[0-9a-f]{32}$/

/** The session, or undefined when it has no trace starting in the window. */
export async function getSession(
  ch: ClickHouse,
  options: GetSessionOptions,
): Promise<SessionDetail | undefined> {
  const limit = pageSize(options.limit, DEFAULT_SESSION_TRACES, 1000)
  const scope = `session:${scopeDigest(options.sessionId)}`
  const after = options.cursor ? decodeCursor(options.cursor, scope, [START, TRACE_ID]) : undefined
  const window = searchWindow(options.from, options.to)
  const traces = await selectSessionTraces(ch, options.projectId, window, [options.sessionId])
  if (traces.length === 0) return undefined
  // Traces come in (start, trace id) order, the cursor's order: the page is the slice after it.
  const rest = after ? traces.filter((t) => isAfter(t, after[0]!, after[1]!)) : traces
  const page = rest.slice(0, limit)
  const ids = page.map((k) => k.trace_id)
  const [[session], summaries, assessments] = await Promise.all([
    selectSessionTotals(ch, options.projectId, traces),
    page.length ? selectTraceSummaries(ch, options.projectId, ids, page[0]!.start_ns) : [],
    selectAssessmentValues(ch, options.projectId, ids),
  ])
  const byId = new Map(summaries.map((s) => [s.trace_id, s]))
  const last = page[page.length - 1]
  return {
    session: session!,
    traces: page.flatMap((k) => {
      const s = byId.get(k.trace_id)
      return s ? [{ ...s, assessments: assessments.get(k.trace_id) ?? {} }] : []
    }),
    nextCursor: rest.length > limit && last ? encodeCursor(scope, [last.start_ns, last.trace_id]) : undefined,
  }
}

function isAfter(t: SessionTrace, start: string, traceId: string): boolean {
  const a = BigInt(t.start_ns)
  const b = BigInt(start)
  return a > b || (a === b && t.trace_id > traceId)
}
