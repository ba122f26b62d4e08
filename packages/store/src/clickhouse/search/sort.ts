/**
 * Sort keys of the trace and span searches. Every key compares exactly, so
 * that a keyset cursor compares equal to the row it came from: a float sum
 * depends on summation order and could make a page skip or repeat a row.
 * Numeric keys are integers (nanoseconds, tokens, cost in pico-USD); the
 * trace search's string keys are byte strings, carried hex-encoded.
 */
import type { TimeBound } from '../read/time-window.js'
import type { FilterExpr } from './filter-sql.js'

/** Integer keys: what both searches sort by. */
export const SPAN_SORT_KEYS = ['start_time', 'duration', 'cost', 'tokens'] as const
export type SpanSortKey = (typeof SPAN_SORT_KEYS)[number]

/** String keys of a trace: root span name, status as listed, and the trace's model, session and user ids. */
export const TRACE_STRING_SORT_KEYS = ['name', 'status', 'model', 'session', 'user'] as const
export type TraceStringSortKey = (typeof TRACE_STRING_SORT_KEYS)[number]

export const TRACE_SORT_KEYS = [...SPAN_SORT_KEYS, ...TRACE_STRING_SORT_KEYS] as const
export type TraceSortKey = (typeof TRACE_SORT_KEYS)[number]

export const SORT_ORDERS = ['asc', 'desc'] as const
export type SortOrder = (typeof SORT_ORDERS)[number]

/** What every trace or span search takes: a project, a window, a filter, a sort and a page. */
export interface SearchOptions<Key extends string = TraceSortKey> {
  projectId: string
  /** Window start (inclusive) and end (exclusive): ns decimal strings or Dates. */
  from: TimeBound
  to: TimeBound
  /** A parsed filter; absent: everything in the window. */
  filter?: FilterExpr
  /** Default `start_time`. */
  sort?: Key
  /** Default `desc`. */
  order?: SortOrder
  limit?: number
  /** `nextCursor` of the previous page, issued for the same sort, order and filter. */
  cursor?: string
}

/** Cost as an integer of 1e-12 USD: exact to sum, ample for any one trace (up to ~9 million USD). */
export const PICO_USD = (column: string) => `toInt64(round(${column} * 1e12))`

/** `<` for descending pages, `>` for ascending: "strictly after the cursor". */
export function afterOperator(order: SortOrder): '<' | '>' {
  return order === 'desc' ? '<' : '>'
}

export function orderKeyword(order: SortOrder): 'ASC' | 'DESC' {
  return order === 'desc' ? 'DESC' : 'ASC'
}
