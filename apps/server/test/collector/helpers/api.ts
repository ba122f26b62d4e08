/** Reading traces back through the public API, as the dashboard does. */
import type { SpanRow, TraceSummary } from '@assay/core'

export interface TraceDetail {
  trace_id: string
  spans: SpanRow[]
  events: { span_id: string; name: string; source: string; body: string }[]
  assessments: unknown[]
}

/** `GET /api/traces/{id}`; null on 404. */
export async function getTrace(url: string, traceId: string): Promise<TraceDetail | null> {
  const res = await fetch(`${url}/api/traces/${traceId}`)
  if (res.status === 404) return null
  if (res.status !== 200) throw new Error(`GET /api/traces/${traceId}: ${res.status} ${await res.text()}`)
  return (await res.json()) as TraceDetail
}

export interface Window {
  /** ISO date-time or nanoseconds since the epoch. */
  from: string
  to: string
}

/** The hour either side of a nanosecond time (a fixture's time, say). */
export function windowAround(nanos: string): Window {
  const hour = 3_600_000_000_000n
  return { from: String(BigInt(nanos) - hour), to: String(BigInt(nanos) + hour) }
}

/** `GET /api/traces`, every page, over a window (default: the last day and the next hour). */
export async function listAllTraces(url: string, window?: Window): Promise<TraceSummary[]> {
  const to = window?.to ?? new Date(Date.now() + 60 * 60_000).toISOString()
  const from = window?.from ?? new Date(Date.now() - 24 * 60 * 60_000).toISOString()
  const items: TraceSummary[] = []
  let cursor: string | undefined
  do {
    const query = new URLSearchParams({ from, to, limit: '1000', ...(cursor ? { cursor } : {}) })
    const res = await fetch(`${url}/api/traces?${query}`)
    if (res.status !== 200) throw new Error(`GET /api/traces: ${res.status} ${await res.text()}`)
    const page = (await res.json()) as { items: TraceSummary[]; nextCursor?: string }
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return items
}

/** A span of a trace by name (the nth of that name), with a readable failure. */
export function spanNamed(trace: TraceDetail, name: string, nth = 0): SpanRow {
  const span = trace.spans.filter((s) => s.name === name)[nth]
  if (!span) throw new Error(`no span "${name}" #${nth} in ${trace.spans.map((s) => s.name).join(', ')}`)
  return span
}
