/**
 * A filter as a condition on traces: the HAVING of a query over span rows
 * grouped by `trace_id` (and, optionally, a WHERE that prunes rows first).
 *
 * - Span-level conditions are existential: a maximal group of span-level
 *   comparisons joined by AND/OR is one condition on one span,
 *   `countIf(<condition>) > 0`. So `span.kind = 'RETRIEVER' AND
 *   span.duration_ms > 500` needs one span that is both, and `span.kind !=
 *   'LLM'` needs a span that is not an LLM span.
 * - NOT negates at the trace level: `NOT span.kind = 'LLM'` is a trace with
 *   no LLM span (where `span.kind != 'LLM'` is a trace with some other span).
 * - Trace-level fields compare aggregates (trace-aggregates.ts); feedback
 *   selects trace ids from the assessments (feedback.ts).
 * - `where` holds the top-level AND's feedback conditions: they depend on
 *   the trace id alone, so they drop only rows of traces that cannot match
 *   and leave every aggregate of a matching trace intact. Nothing else is
 *   moved there: a span condition in WHERE would hide the other spans of a
 *   matching trace from the query's aggregates.
 */
import type { Comparison, FilterExpr } from '@assay/core'
import { compileFeedback } from './feedback.js'
import { compileSpanComparison, isSpanField } from './span-comparison.js'
import { type CompileContext, ParamBag, type SqlFragment } from './sql-fragment.js'
import { compileTraceAggregate } from './trace-aggregates.js'

export interface TraceFilter {
  where?: SqlFragment
  having: SqlFragment
}

/**
 * @example
 * const { where, having } = compileTraceFilter(parseFilter("trace.status = 'ERROR' AND span.kind = 'TOOL'"), { database: 'assay' })
 * // SELECT trace_id FROM assay.spans WHERE project_id = {project_id:String} AND <window> [AND where.sql]
 * // GROUP BY trace_id HAVING having.sql  -- with { project_id, ...where?.params, ...having.params }
 */
export function compileTraceFilter(expr: FilterExpr, ctx: CompileContext): TraceFilter {
  const params = new ParamBag(ctx.paramPrefix)
  const top = expr.type === 'and' ? expr.items : [expr]
  const pruning = top.filter(isFeedback)
  if (pruning.length === 0)
    return { having: { sql: traceCondition(expr, ctx, params), params: params.params } }
  const where = pruning.map((c) => compileFeedback(c, ctx.database, params)).join(' AND ')
  const rest = top.filter((e) => !isFeedback(e))
  const whereParams = { ...params.params }
  const restSql =
    rest.length === 0
      ? '1'
      : traceCondition(rest.length === 1 ? rest[0]! : { type: 'and', items: rest }, ctx, params)
  const havingParams = Object.fromEntries(Object.entries(params.params).filter(([k]) => !(k in whereParams)))
  return { where: { sql: where, params: whereParams }, having: { sql: restSql, params: havingParams } }
}

function traceCondition(expr: FilterExpr, ctx: CompileContext, params: ParamBag): string {
  if (isSpanOnly(expr)) return `countIf(${spanCondition(expr, params)}) > 0`
  switch (expr.type) {
    case 'and':
    case 'or': {
      const joiner = expr.type === 'and' ? ' AND ' : ' OR '
      // Sibling span-level conditions are one span condition: the same span must satisfy them.
      const spanItems = expr.items.filter(isSpanOnly)
      const parts: string[] = []
      if (spanItems.length > 0) {
        const group: FilterExpr =
          spanItems.length === 1 ? spanItems[0]! : { type: expr.type, items: spanItems }
        parts.push(`countIf(${spanCondition(group, params)}) > 0`)
      }
      for (const item of expr.items) if (!isSpanOnly(item)) parts.push(traceCondition(item, ctx, params))
      return `(${parts.join(joiner)})`
    }
    case 'not':
      return `NOT (${traceCondition(expr.expr, ctx, params)})`
    case 'compare':
      return expr.field.name === 'feedback'
        ? compileFeedback(expr, ctx.database, params)
        : compileTraceAggregate(expr, params)
  }
}

/** A condition on one span: span-level comparisons under AND/OR only (NOT is a trace-level quantifier). */
function isSpanOnly(expr: FilterExpr): boolean {
  if (expr.type === 'compare') return isSpanField(expr.field.name)
  if (expr.type === 'not') return false
  return expr.items.every(isSpanOnly)
}

function spanCondition(expr: FilterExpr, params: ParamBag): string {
  if (expr.type === 'compare') return compileSpanComparison(expr, params)
  if (expr.type === 'not') throw new TypeError('NOT inside a span condition')
  return `(${expr.items.map((e) => spanCondition(e, params)).join(expr.type === 'and' ? ' AND ' : ' OR ')})`
}

function isFeedback(expr: FilterExpr): expr is Comparison {
  return expr.type === 'compare' && expr.field.name === 'feedback'
}
