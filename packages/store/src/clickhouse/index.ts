// ClickHouse side of @assay/store: connection, migrations, and the span/event/assessment repository.

export type { TraceSummary } from '@assay/core'
export * from './assessments/index.js'
export { type ClickHouseOptions, StoreConfigError } from './config.js'
export { type ClickHouse, createClickHouse } from './connect.js'
export { clickhouseDdl, clickhouseMigrations, type Migration } from './ddl/migrations.js'
export type { DdlContext } from './ddl/render.js'
export {
  type CompileContext,
  compileSpanFilter,
  compileTraceFilter,
  type RecentFieldValuesOptions,
  recentFieldValues,
  type SpanFilterContext,
  type SqlFragment,
  type TraceFilter,
} from './filter/index.js'
export { migrateClickHouse } from './migrate.js'
export * from './models/index.js'
export * from './online-eval/index.js'
export { aggregateCounts, type Counts, type CountsOptions, countSpans } from './read/aggregate-counts.js'
export { existingSpanKeys, existingTraceIds } from './read/existing-targets.js'
export { getSpanEvents } from './read/get-span-events.js'
export { getTraceSpan } from './read/get-trace-span.js'
export { getTraceSpans } from './read/get-trace-spans.js'
export { type DictColumn, getTraceTree, type TraceTree } from './read/get-trace-tree.js'
export { type ListTracesOptions, listTraces, type TracePage } from './read/list-traces.js'
export { getRootSpans, type RootSpanContent } from './read/root-spans.js'
export { searchTraceText } from './read/search-trace-text.js'
export type { TimeBound } from './read/time-window.js'
export { InvalidCursorError } from './read/trace-cursor.js'
export * from './search/index.js'
export { insertSpanEvents, spanEventLine } from './write/insert-span-events.js'
export { insertSpans, spanLine } from './write/insert-spans.js'
export { insertBody } from './write/json-each-row.js'
