/**
 * The filter language as search uses it: the AST compiled by `../filter/`
 * into parameterized SQL (user values only ever travel as parameters).
 *
 * The compiled SQL reads `{project_id:String}`, which every search query
 * binds. Its trace-level aggregates are duplicate-safe by construction
 * (`countIf(...) > 0`, min/max, per-span `maxMap` before sums), so they run
 * over stored rows without deduplication. In a span filter, a trace-level
 * condition aggregates the spans of the search's scan range (the window
 * widened by the trace lookback, see `window.ts`), never the whole table.
 */
import type { ClickHouse } from '../connect.js'
import { compileSpanFilter, compileTraceFilter, type SqlFragment, type TraceFilter } from '../filter/index.js'

export type { SqlFragment, TraceFilter }

/** A parsed filter (`parseFilter` / the API's `parseFilterParam`). */
export type FilterExpr = Parameters<typeof compileTraceFilter>[0]

const SCAN_RANGE =
  'start_time >= fromUnixTimestamp64Nano({scan_from:Int64}) AND start_time < fromUnixTimestamp64Nano({scan_to:Int64})'

export function traceFilterSql(ch: ClickHouse, expr: FilterExpr): TraceFilter {
  return compileTraceFilter(expr, { database: ch.database })
}

export function spanFilterSql(ch: ClickHouse, expr: FilterExpr): SqlFragment {
  return compileSpanFilter(expr, { database: ch.database, traceScope: SCAN_RANGE })
}

/** Parameters of every fragment, merged (the compiler's names never collide with the searches' own). */
export function fragmentParams(...fragments: (SqlFragment | undefined)[]): Record<string, unknown> {
  return Object.assign({}, ...fragments.map((f) => f?.params ?? {}))
}
