/**
 * A filter as a condition on single span rows: the WHERE of a span search.
 *
 * Span-level fields compare the row's columns. Trace-level fields select
 * the span's trace: `trace.*` through a subquery that aggregates the
 * trace's spans (`trace_id IN (SELECT trace_id ... GROUP BY trace_id HAVING
 * ...)`), `feedback.*` through the assessments. Both subqueries read
 * `{project_id:String}`, which the enclosing query must bind. The trace
 * subquery scans the project's spans unless `traceScope` bounds it (for
 * example to the search's time window); a bound changes which spans a
 * trace aggregate sees, which is the caller's decision.
 */
import type { Comparison, FilterExpr } from '@assay/core'
import { compileFeedback } from './feedback.js'
import { compileSpanComparison, isSpanField } from './span-comparison.js'
import { type CompileContext, ParamBag, type SqlFragment, tableName } from './sql-fragment.js'
import { compileTraceAggregate } from './trace-aggregates.js'

export interface SpanFilterContext extends CompileContext {
  /** Extra SQL condition for the trace-level subquery over `spans` (trusted text, e.g. `start_time >= ...`). */
  traceScope?: string
}

/**
 * @example
 * const where = compileSpanFilter(parseFilter("span.kind = 'LLM' AND span.duration_ms > 2s"), { database: 'assay' })
 * // where.sql: "(kind = {f0:String} AND (duration_ns / 1000000) > {f1:Float64})"
 * // where.params: { f0: 'LLM', f1: 2000 }
 */
export function compileSpanFilter(expr: FilterExpr, ctx: SpanFilterContext): SqlFragment {
  const params = new ParamBag(ctx.paramPrefix)
  const sql = spanCondition(expr, ctx, params)
  return { sql, params: params.params }
}

function spanCondition(expr: FilterExpr, ctx: SpanFilterContext, params: ParamBag): string {
  switch (expr.type) {
    case 'and':
    case 'or':
      return `(${expr.items.map((e) => spanCondition(e, ctx, params)).join(expr.type === 'and' ? ' AND ' : ' OR ')})`
    case 'not':
      return `NOT (${spanCondition(expr.expr, ctx, params)})`
    case 'compare':
      return comparison(expr, ctx, params)
  }
}

function comparison(c: Comparison, ctx: SpanFilterContext, params: ParamBag): string {
  if (isSpanField(c.field.name)) return compileSpanComparison(c, params)
  if (c.field.name === 'feedback') return compileFeedback(c, ctx.database, params)
  const scope = ctx.traceScope ? ` AND (${ctx.traceScope})` : ''
  return `trace_id IN (SELECT trace_id FROM ${tableName(ctx.database, 'spans')} WHERE project_id = {project_id:String}${scope} GROUP BY trace_id HAVING ${compileTraceAggregate(c, params)})`
}
