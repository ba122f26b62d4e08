/**
 * Trace search: traces that start in a window, optionally filtered, sorted
 * by start, duration, tokens, cost, root name, status, model, session or
 * user in either direction, one keyset page at a time. Three small reads:
 * the page of ids (`trace-keys.ts`), summaries for exactly those traces
 * (`../read/trace-summaries.ts`: previews from the index, never whole inputs
 * or outputs), and their assessment values.
 */
import type { AssessmentValue, TraceSummary } from '@assay/core'
import { decodeCursor, encodeCursor, scopeDigest } from '../../cursor.js'
import type { ClickHouse } from '../connect.js'
import { selectTraceSummaries } from '../read/trace-summaries.js'
import { selectAssessmentValues } from './assessment-values.js'
import { traceFilterSql } from './filter-sql.js'
import type { SearchOptions } from './sort.js'
import { isStringSortKey, STRING_KEY_BYTES, selectTraceKeys } from './trace-keys.js'
import { nsRange, pageSize, searchWindow } from './window.js'

export const DEFAULT_SEARCH_PAGE = 50
export const MAX_SEARCH_PAGE = 1000

export type SearchTracesOptions = SearchOptions

export interface TraceSearchItem extends TraceSummary {
  /** Assessment name -> latest valid value. */
  assessments: Record<string, AssessmentValue>
}

export interface TraceSearchPage {
  items: TraceSearchItem[]
  /** Absent on the last page. */
  nextCursor?: string
}

const KEY = /^-?[0-9]{1,19}$/
const STRING_KEY = new RegExp(`^(?:[0-9a-f]{2}){0,${STRING_KEY_BYTES}}$`)
const TRACE_ID = /^[0-9a-f]{32}$/

/**
 * @example
 * const page = await searchTraces(ch, { projectId, from, to, sort: 'cost', filter: parseFilter("span.kind = 'TOOL'") })
 */
export async function searchTraces(ch: ClickHouse, options: SearchTracesOptions): Promise<TraceSearchPage> {
  const sort = options.sort ?? 'start_time'
  const order = options.order ?? 'desc'
  const limit = pageSize(options.limit, DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE)
  const filter = options.filter && traceFilterSql(ch, options.filter)
  const scope = `traces:${sort}:${order}:${filter ? scopeDigest(filter) : '-'}`
  const after = options.cursor
    ? decodeCursor(options.cursor, scope, [isStringSortKey(sort) ? STRING_KEY : KEY, TRACE_ID])
    : undefined
  const keys = await selectTraceKeys(ch, {
    projectId: options.projectId,
    window: searchWindow(options.from, options.to),
    filter,
    sort,
    order,
    limit: limit + 1,
    after: after && { key: after[0]!, traceId: after[1]! },
  })
  const page = keys.slice(0, limit)
  if (page.length === 0) return { items: [] }
  const ids = page.map((k) => k.trace_id)
  const earliest = nsRange(page.map((k) => k.start_ns)).min
  const [summaries, assessments] = await Promise.all([
    selectTraceSummaries(ch, options.projectId, ids, earliest),
    selectAssessmentValues(ch, options.projectId, ids),
  ])
  const byId = new Map(summaries.map((s) => [s.trace_id, s]))
  const items = page.flatMap((k) => {
    const summary = byId.get(k.trace_id)
    return summary ? [{ ...summary, assessments: assessments.get(k.trace_id) ?? {} }] : []
  })
  const last = page[page.length - 1]!
  return {
    items,
    nextCursor: keys.length > limit ? encodeCursor(scope, [last.key, last.trace_id]) : undefined,
  }
}
