// Search over the ClickHouse store: traces, spans, sessions, metrics over time, and deletion.

export {
  DELETE_BATCH,
  type DeleteOlderOptions,
  deleteTraces,
  deleteTracesOlderThan,
} from './delete-traces.js'
export { InvalidSearchError } from './errors.js'
export type { FilterExpr } from './filter-sql.js'
export { type GetSessionOptions, getSession, type SessionDetail } from './get-session.js'
export { type ListSessionsOptions, listSessions, type SessionPage } from './list-sessions.js'
export { BUCKET_LADDER_SECONDS, MAX_METRIC_BUCKETS } from './metric-buckets.js'
export {
  MAX_METRIC_GROUPS,
  type MetricPoint,
  type MetricSeries,
  type Metrics,
  type Percentiles,
} from './metric-series.js'
export { METRIC_GROUPS, type MetricGroup, type MetricsOptions, metricsOverTime } from './metrics.js'
export { type SearchSpansOptions, type SpanSearchPage, searchSpans } from './search-spans.js'
export {
  DEFAULT_SEARCH_PAGE,
  MAX_SEARCH_PAGE,
  type SearchTracesOptions,
  searchTraces,
  type TraceSearchItem,
  type TraceSearchPage,
} from './search-traces.js'
export type { SessionSummary } from './session-totals.js'
export {
  SORT_ORDERS,
  type SortOrder,
  SPAN_SORT_KEYS,
  type SpanSortKey,
  TRACE_SORT_KEYS,
  type TraceSortKey,
} from './sort.js'
export { SPAN_PREVIEW_CHARS, type SpanSummary } from './span-summaries.js'
