/**
 * The window rules every search shares. A trace belongs to a window when
 * its first span starts inside it; traces are assumed to last less than
 * `TRACE_LOOKBACK_DAYS`, so the spans of a window's traces all start in
 * [from, to + lookback) and the index rows that reveal a trace's true start
 * lie in days [from - lookback, to].
 */

import { type TimeBound, windowParams } from '../read/time-window.js'
import { TRACE_LOOKBACK_DAYS } from '../read/trace-page.js'

const LOOKBACK_NS = BigInt(TRACE_LOOKBACK_DAYS) * 86_400_000_000_000n
const INT64_MAX = 9_223_372_036_854_775_807n

export interface SearchWindow {
  /** Window start and end (exclusive), ns strings. */
  from: string
  to: string
  /** Earliest index day to read so a trace's true start is seen. */
  scan_from: string
  /** End of the span range holding all spans of the window's traces. */
  scan_to: string
}

export function searchWindow(from: TimeBound, to: TimeBound): SearchWindow {
  const w = windowParams(from, to)
  const scanFrom = BigInt(w.from) - LOOKBACK_NS
  const scanTo = BigInt(w.to) + LOOKBACK_NS
  return {
    ...w,
    scan_from: (scanFrom > 0n ? scanFrom : 0n).toString(),
    scan_to: (scanTo < INT64_MAX ? scanTo : INT64_MAX).toString(),
  }
}

/** SQL: `trace_index` rows of the window's days (plus the lookback), for one project. */
export const INDEX_DAYS = `project_id = {project_id:String}
      AND day >= toDate(fromUnixTimestamp64Nano({scan_from:Int64}))
      AND day <= toDate(fromUnixTimestamp64Nano({to:Int64}))`

/** SQL: spans of one project that can belong to the window's traces. */
export const SPAN_RANGE = `project_id = {project_id:String}
      AND start_time >= fromUnixTimestamp64Nano({from:Int64})
      AND start_time < fromUnixTimestamp64Nano({scan_to:Int64})`

/** Clamp a page size into [1, max], defaulting when absent. */
export function pageSize(limit: number | undefined, fallback: number, max: number): number {
  return Math.min(Math.max(Math.trunc(limit ?? fallback), 1), max)
}

/** Earliest and latest of some nanosecond strings (BigInt compares; Math.min/max take no BigInt). */
export function nsRange(values: string[]): { min: string; max: string } {
  const sorted = values.map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { min: String(sorted[0] ?? 0n), max: String(sorted[sorted.length - 1] ?? 0n) }
}
