/**
 * The trace list: traces that start in a window, newest first, one page at
 * a time. Two small reads: the page from `trace_index`, then summaries for
 * exactly those traces.
 */
import type { TraceSummary } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { type TimeBound, windowParams } from './time-window.js'
import { decodeTraceCursor, encodeTraceCursor } from './trace-cursor.js'
import { selectTracePage } from './trace-page.js'
import { selectTraceSummaries } from './trace-summaries.js'

export const DEFAULT_TRACE_PAGE = 50
export const MAX_TRACE_PAGE = 1000

export interface ListTracesOptions {
  projectId: string
  /** Window start (inclusive): nanoseconds as a decimal string, or a Date. */
  from: TimeBound
  /** Window end (exclusive). */
  to: TimeBound
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string
}

export interface TracePage {
  items: TraceSummary[]
  /** Absent on the last page. */
  nextCursor?: string
}

/**
 * @example
 * let page = await listTraces(ch, { projectId, from: new Date(Date.now() - 3600e3), to: new Date() })
 * while (page.nextCursor) page = await listTraces(ch, { projectId, from, to, cursor: page.nextCursor })
 */
export async function listTraces(ch: ClickHouse, options: ListTracesOptions): Promise<TracePage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_TRACE_PAGE), 1), MAX_TRACE_PAGE)
  const { from, to } = windowParams(options.from, options.to)
  const after = options.cursor ? decodeTraceCursor(options.cursor) : undefined
  // One extra row says whether another page exists.
  const page = await selectTracePage(ch, { projectId: options.projectId, from, to, limit: limit + 1, after })
  const hasMore = page.length > limit
  const entries = page.slice(0, limit)
  if (entries.length === 0) return { items: [] }
  const pageStart = entries[entries.length - 1]!.start_ns
  const summaries = await selectTraceSummaries(
    ch,
    options.projectId,
    entries.map((e) => e.trace_id),
    pageStart,
  )
  const byId = new Map(summaries.map((s) => [s.trace_id, s]))
  const items = entries.flatMap((e) => byId.get(e.trace_id) ?? [])
  const last = entries[entries.length - 1]!
  return {
    items,
    nextCursor: hasMore ? encodeTraceCursor({ start: last.start_ns, traceId: last.trace_id }) : undefined,
  }
}
