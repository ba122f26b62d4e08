/**
 * The traces an aggregate covers: those with spans starting in the window,
 * optionally narrowed by a compiled trace filter, each with its start
 * (the earliest of those spans; time buckets count a trace there).
 *
 * The filter arrives compiled (`compileTraceFilter`): a `where` on span
 * rows and a `having` on each trace's group, both parameterized. Their
 * parameters are merged with ours; ours carry an `a_` prefix (and the
 * shared `project_id`) so the two never collide.
 */
import { type TimeBound, windowParams } from '../read/time-window.js'

/** Parameterized SQL: `sql` references `{name:Type}` placeholders bound by `params`. */
export interface SqlFragment {
  sql: string
  params: Record<string, unknown>
}

/** A trace filter compiled for `SELECT trace_id FROM spans ... GROUP BY trace_id HAVING having`. */
export interface TraceFilterSql {
  where?: SqlFragment
  having: SqlFragment
}

export interface TraceSetOptions {
  projectId: string
  /** Window start (inclusive) on span start times. */
  from: TimeBound
  /** Window end (exclusive). */
  to: TimeBound
  filter?: TraceFilterSql
}

/** `SELECT trace_id, trace_start ...` and its parameters. */
export function traceSetSql(database: string, options: TraceSetOptions): SqlFragment {
  const { from, to } = windowParams(options.from, options.to)
  const ours: Record<string, unknown> = { project_id: options.projectId, a_from: from, a_to: to }
  const { where, having } = options.filter ?? {}
  const params = { ...where?.params, ...having?.params }
  for (const key of Object.keys(params)) {
    if (key in ours && key !== 'project_id') throw new TypeError(`filter parameter ${key} collides with ours`)
  }
  return {
    sql: `SELECT trace_id, min(start_time) AS trace_start
    FROM ${database}.spans
    WHERE project_id = {project_id:String}
      AND start_time >= fromUnixTimestamp64Nano({a_from:Int64})
      AND start_time < fromUnixTimestamp64Nano({a_to:Int64})${where ? `\n      AND (${where.sql})` : ''}
    GROUP BY trace_id${having ? `\n    HAVING ${having.sql}` : ''}`,
    params: { ...params, ...ours },
  }
}
