/**
 * A filter in a request, parsed once at the edge: routes that take a filter
 * (trace and span search, online rules) call this, so a bad filter is
 * always the same 400 naming the field, the position and what was
 * expected, and never reaches the store.
 */
import { FilterError, type FilterExpr, parseFilter } from '@assay/core'
import { ApiError } from '../../errors.js'

/**
 * @example
 * const filter = parseFilterParam(q.filter, 'query.filter') // undefined when absent or blank
 * // 400 { error: { message: "query.filter: unknown field 'span.knd' at 1:1 — did you mean 'span.kind'?", field: 'query.filter' } }
 */
export function parseFilterParam(text: string | undefined, field: string): FilterExpr | undefined {
  if (text === undefined || text.trim() === '') return undefined
  try {
    return parseFilter(text)
  } catch (error) {
    if (error instanceof FilterError) throw new ApiError(400, `${field}: ${error.message}`, field)
    throw error
  }
}
