/**
 * Limits that keep a hostile filter from costing more than a clear error:
 * the size bounds the work of every later stage, the depth bounds the
 * recursion of the parser and of the compilers (no stack overflow), and the
 * condition count keeps the compiled SQL under ClickHouse's own query-size
 * and AST limits, which would otherwise surface as a server error.
 */

/** Filter text, in UTF-8 bytes. */
export const MAX_FILTER_BYTES = 100 * 1024

/** Nesting of parentheses and NOT. */
export const MAX_FILTER_DEPTH = 64

/** Comparisons in one filter (an IN list counts once). */
export const MAX_FILTER_CONDITIONS = 1000
