// The filter language compiled to parameterized ClickHouse SQL, and value suggestions for the dashboard.
export { compileSpanFilter, type SpanFilterContext } from './compile-span-filter.js'
export { compileTraceFilter, type TraceFilter } from './compile-trace-filter.js'
export { type RecentFieldValuesOptions, recentFieldValues } from './recent-values.js'
export type { CompileContext, SqlFragment } from './sql-fragment.js'
