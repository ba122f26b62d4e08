/**
 * The values an aggregate counts: assessments of one name on the trace set
 * that stand (valid, not deleted) and carry a value (no error), one row per
 * assessment however often it is stored, each with its trace's start.
 *
 * Assessments are read by `trace_id IN (trace set)`, which the sort key
 * `(project_id, trace_id, ...)` serves directly. Duplicates fold in a
 * GROUP BY: the state of the highest version wins (ties: the more final
 * state), and the value columns never change between states.
 */
import { type SqlFragment, type TraceSetOptions, traceSetSql } from './trace-set.js'

export interface CurrentValuesOptions extends TraceSetOptions {
  name: string
}

/** `WITH traces AS (...)` and a subquery named `v` with trace_id, trace_start and the value columns. */
export function currentValuesSql(database: string, options: CurrentValuesOptions): SqlFragment {
  const traces = traceSetSql(database, options)
  const key = '(version, deleted, NOT valid)'
  return {
    sql: `WITH traces AS (
    ${traces.sql}
)
SELECT v.*, t.trace_start AS trace_start
FROM (
    SELECT trace_id, assessment_id,
        argMax(valid, ${key}) AS is_valid,
        argMax(deleted, ${key}) AS is_deleted,
        any(error) AS error,
        any(value_type) AS value_type,
        any(value_number) AS value_number,
        any(value_bool) AS value_bool,
        any(value_string) AS value_string
    FROM ${database}.assessments
    WHERE project_id = {project_id:String}
      AND name = {a_name:String}
      AND trace_id IN (SELECT trace_id FROM traces)
    GROUP BY trace_id, assessment_id
    HAVING is_valid AND NOT is_deleted AND error = ''
) AS v
INNER JOIN traces AS t ON v.trace_id = t.trace_id`,
    params: { ...traces.params, a_name: options.name },
  }
}
