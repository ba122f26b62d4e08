/**
 * Per-session totals over given traces: first start, last end, trace and
 * error counts from the traces themselves; span count, tokens and cost
 * from their spans, deduplicated with `LIMIT 1 BY` so a re-sent span never
 * counts twice, read by trace id within the traces' time range.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { SessionTrace } from './session-traces.js'
import { nsRange } from './window.js'

export interface SessionSummary {
  session_id: string
  /** A user of the session (sessions normally have one). */
  user_id: string
  /** First trace start and last span end, ns strings. */
  start_time: string
  end_time: string
  duration_ms: number
  trace_count: number
  /** Traces with at least one ERROR span. */
  error_count: number
  span_count: number
  input_tokens: number
  output_tokens: number
  total_tokens: number
  cost_usd: number
}

interface SpanTotals {
  trace_id: string
  span_count: number | string
  input_tokens: number | string
  output_tokens: number | string
  total_tokens: number | string
  cost_usd: number
}

/** One summary per session of `traces`, in order of first appearance. */
export async function selectSessionTotals(
  ch: ClickHouse,
  projectId: string,
  traces: SessionTrace[],
): Promise<SessionSummary[]> {
  if (traces.length === 0) return []
  const rows = await queryRows<SpanTotals>(
    ch,
    `SELECT trace_id, count() AS span_count, sum(input_tokens) AS input_tokens,
    sum(output_tokens) AS output_tokens, sum(total_tokens) AS total_tokens, sum(cost_usd) AS cost_usd
FROM (
    SELECT trace_id, span_id, input_tokens, output_tokens, total_tokens, cost_usd
    FROM ${ch.database}.spans
    WHERE project_id = {project_id:String}
      AND start_time >= fromUnixTimestamp64Nano({min:Int64})
      AND start_time <= fromUnixTimestamp64Nano({max:Int64})
      AND trace_id IN {ids:Array(String)}
    LIMIT 1 BY trace_id, span_id
)
GROUP BY trace_id`,
    {
      project_id: projectId,
      min: nsRange(traces.map((t) => t.start_ns)).min,
      max: nsRange(traces.map((t) => t.end_ns)).max,
      ids: traces.map((t) => t.trace_id),
    },
  )
  const spans = new Map(rows.map((r) => [r.trace_id, r]))
  const sessions = new Map<string, SessionSummary>()
  for (const t of traces) {
    const s = sessions.get(t.session_id) ?? emptySummary(t)
    const totals = spans.get(t.trace_id)
    if (BigInt(t.start_ns) < BigInt(s.start_time)) s.start_time = t.start_ns
    if (BigInt(t.end_ns) > BigInt(s.end_time)) s.end_time = t.end_ns
    s.trace_count++
    s.error_count += t.error ? 1 : 0
    s.span_count += Number(totals?.span_count ?? 0)
    s.input_tokens += Number(totals?.input_tokens ?? 0)
    s.output_tokens += Number(totals?.output_tokens ?? 0)
    s.total_tokens += Number(totals?.total_tokens ?? 0)
    s.cost_usd += Number(totals?.cost_usd ?? 0)
    sessions.set(t.session_id, s)
  }
  return [...sessions.values()].map((s) => ({
    ...s,
    duration_ms: Math.max(Number(BigInt(s.end_time) - BigInt(s.start_time)), 0) / 1e6,
  }))
}

function emptySummary(t: SessionTrace): SessionSummary {
  return {
    session_id: t.session_id,
    user_id: t.user_id,
    start_time: t.start_ns,
    end_time: t.end_ns,
    duration_ms: 0,
    trace_count: 0,
    error_count: 0,
    span_count: 0,
    input_tokens: 0,
    output_tokens: 0,
    total_tokens: 0,
    cost_usd: 0,
  }
}
