/**
 * The traces a filter selects, as a subquery of trace ids: spans that can
 * belong to the window's traces, narrowed by the filter's WHERE, grouped by
 * trace and kept by its HAVING. The HAVING is duplicate-safe (see
 * `filter-sql.ts`), so stored rows are grouped as they are, without a
 * `LIMIT 1 BY` pass.
 */
import type { TraceFilter } from './filter-sql.js'
import { SPAN_RANGE } from './window.js'

export function traceMatchesSql(database: string, filter: TraceFilter): string {
  const where = filter.where ? `AND (${filter.where.sql})` : ''
  return `SELECT trace_id FROM ${database}.spans
    WHERE ${SPAN_RANGE} ${where}
    GROUP BY trace_id
    HAVING ${filter.having.sql}`
}
