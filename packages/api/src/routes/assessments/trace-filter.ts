/**
 * The `filter` query parameter of the aggregate routes: parsed by the
 * shared parser (a bad filter is its 400 naming `query.filter`), then
 * compiled by the store to the `where`/`having` pair the aggregate's trace
 * set takes. Absent or blank: every trace of the window.
 */
import { type AggregateOptions, compileTraceFilter } from '@assay/store'
import { parseFilterParam } from '../filter/parse-param.js'

export function traceFilter(text: string | undefined, database: string): AggregateOptions['filter'] {
  const expr = parseFilterParam(text, 'query.filter')
  return expr === undefined ? undefined : compileTraceFilter(expr, { database })
}
