/**
 * The assessment values shown beside each trace of a page: per trace and
 * assessment name, the latest value that stands. Read from `assessments`
 * for the page's traces only.
 *
 * An assessment's state changes by re-inserting it with a higher `version`
 * (an override or delete marks the old one invalid or deleted), and unmerged
 * duplicates linger, so each assessment first folds to its latest state
 * (`argMax` by version, as `../assessments/` reads it); among the ones that
 * stand (valid, not deleted, no error) the newest (created_at, then id)
 * gives the name's value.
 */
import type { AssessmentValue } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'

interface ValueRow {
  trace_id: string
  name: string
  value_type: string
  value_number: number | null
  value_bool: boolean | number | null
  value_string: string | null
}

/** trace id -> assessment name -> value, for the given traces (absent traces have none). */
export async function selectAssessmentValues(
  ch: ClickHouse,
  projectId: string,
  traceIds: string[],
): Promise<Map<string, Record<string, AssessmentValue>>> {
  const byTrace = new Map<string, Record<string, AssessmentValue>>()
  if (traceIds.length === 0) return byTrace
  const db = ch.database
  const rows = await queryRows<ValueRow>(
    ch,
    `SELECT trace_id, a_name AS name,
    latest.1 AS value_type, latest.2 AS value_number, latest.3 AS value_bool, latest.4 AS value_string
FROM (
    SELECT trace_id, a_name,
        argMax((a_type, a_number, a_bool, a_string), (a_created, assessment_id)) AS latest
    FROM (
        SELECT trace_id, assessment_id,
            any(name) AS a_name, any(value_type) AS a_type, any(value_number) AS a_number,
            any(value_bool) AS a_bool, any(value_string) AS a_string, any(created_at) AS a_created,
            argMax(valid, (version, deleted, NOT valid)) AS is_valid,
            argMax(deleted, (version, deleted, NOT valid)) AS is_deleted,
            any(error) AS a_error
        FROM ${db}.assessments
        WHERE project_id = {project_id:String} AND trace_id IN {ids:Array(String)}
        GROUP BY trace_id, assessment_id
        HAVING is_valid AND NOT is_deleted AND a_error = ''
    )
    GROUP BY trace_id, a_name
)`,
    { project_id: projectId, ids: traceIds },
  )
  for (const r of rows) {
    const values = byTrace.get(r.trace_id) ?? {}
    values[r.name] = toValue(r)
    byTrace.set(r.trace_id, values)
  }
  return byTrace
}

function toValue(r: ValueRow): AssessmentValue {
  if (r.value_type === 'number') return Number(r.value_number)
  if (r.value_type === 'boolean') return Boolean(r.value_bool)
  return r.value_string ?? ''
}
