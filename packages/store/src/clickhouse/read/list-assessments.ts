/**
 * Assessments of one trace, oldest first, deduplicated by id. Overridden
 * rows are returned too (with `valid` false where a writer marked them):
 * the dashboard shows the history.
 */
import type { Assessment } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'

type StoredAssessment = Omit<Assessment, 'value' | 'created_at'> & {
  value_type: 'number' | 'boolean' | 'string'
  value_number: number | null
  value_bool: boolean | null
  value_string: string | null
  created_ms: number | string
}

export async function listAssessments(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<Assessment[]> {
  const rows = await queryRows<StoredAssessment>(
    ch,
    `SELECT assessment_id, project_id, trace_id, span_id, type, name,
    value_type, value_number, value_bool, value_string,
    rationale, source_type, source_id, run_id, overrides, valid, error, metadata,
    toUnixTimestamp64Milli(created_at) AS created_ms
FROM ${ch.database}.assessments
WHERE project_id = {project:String} AND trace_id = {trace:String}
ORDER BY created_at, assessment_id
LIMIT 1 BY assessment_id`,
    { project: projectId, trace: traceId },
  )
  return rows.map(({ value_type, value_number, value_bool, value_string, created_ms, ...rest }) => ({
    ...rest,
    valid: Boolean(rest.valid),
    value:
      value_type === 'number'
        ? Number(value_number)
        : value_type === 'boolean'
          ? Boolean(value_bool)
          : (value_string ?? ''),
    created_at: Number(created_ms),
  }))
}
