/**
 * Span search across traces, e.g. every `RETRIEVER` span slower than 500 ms
 * in the last day: spans that start in a window and match a span filter,
 * sorted by start, duration, tokens or cost, one keyset page at a time.
 */

import { decodeCursor, encodeCursor, scopeDigest } from '../../cursor.js'
import type { ClickHouse } from '../connect.js'
import { spanFilterSql } from './filter-sql.js'
import { DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE } from './search-traces.js'
import type { SearchOptions, SpanSortKey } from './sort.js'
import { selectSpanKeys } from './span-keys.js'
import { type SpanSummary, selectSpanSummaries } from './span-summaries.js'
import { pageSize, searchWindow } from './window.js'

/** As for traces; the filter applies to each span (trace-level fields select the span's trace). */
export type SearchSpansOptions = SearchOptions<SpanSortKey>

export interface SpanSearchPage {
  items: SpanSummary[]
  nextCursor?: string
}

const KEY = /^-?[0-9]{1,19}$/
const TRACE_ID = /^[0-9a-f]{32}$/
const SPAN_ID = /^[0-9a-f]{16}$/

export async function searchSpans(ch: ClickHouse, options: SearchSpansOptions): Promise<SpanSearchPage> {
  const sort = options.sort ?? 'start_time'
  const order = options.order ?? 'desc'
  const limit = pageSize(options.limit, DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE)
  const filter = options.filter && spanFilterSql(ch, options.filter)
  const scope = `spans:${sort}:${order}:${filter ? scopeDigest(filter) : '-'}`
  const after = options.cursor ? decodeCursor(options.cursor, scope, [KEY, TRACE_ID, SPAN_ID]) : undefined
  const keys = await selectSpanKeys(ch, {
    projectId: options.projectId,
    window: searchWindow(options.from, options.to),
    filter,
    sort,
    order,
    limit: limit + 1,
    after: after && { key: after[0]!, traceId: after[1]!, spanId: after[2]! },
  })
  const page = keys.slice(0, limit)
  const summaries = await selectSpanSummaries(ch, options.projectId, page)
  const byId = new Map(summaries.map((s) => [`${s.trace_id}/${s.span_id}`, s]))
  const last = page[page.length - 1]
  return {
    items: page.flatMap((k) => byId.get(`${k.trace_id}/${k.span_id}`) ?? []),
    nextCursor:
      keys.length > limit && last ? encodeCursor(scope, [last.key, last.trace_id, last.span_id]) : undefined,
  }
}
