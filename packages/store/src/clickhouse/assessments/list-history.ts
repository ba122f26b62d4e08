/**
 * Every assessment of one trace in its latest state, oldest first, with the
 * override chain linked both ways (`overrides` is stored, `overridden_by`
 * is derived here). Deleted ones are included: this is the history view.
 *
 * The sort key starts `(project_id, trace_id)`, so this reads one range.
 * A row may be stored several times (retried inserts, state changes not
 * yet merged): the highest version wins, and on a version tie the more
 * final state (deleted, then not valid) so that a race never resurrects.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { AssessmentRecord } from './assessment-record.js'
import { fromStored, STORED_COLUMNS, type StoredAssessment } from './stored-row.js'

export async function listAssessmentHistory(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<AssessmentRecord[]> {
  const rows = await queryRows<StoredAssessment>(
    ch,
    `SELECT * FROM (
    SELECT ${STORED_COLUMNS}
    FROM ${ch.database}.assessments
    WHERE project_id = {project:String} AND trace_id = {trace:String}
    ORDER BY version DESC, deleted DESC, valid ASC
    LIMIT 1 BY assessment_id
)
ORDER BY created_ms, assessment_id`,
    { project: projectId, trace: traceId },
  )
  const successor = new Map<string, string>()
  for (const row of rows) if (row.overrides) successor.set(row.overrides, row.assessment_id)
  return rows.map((row) => fromStored(row, successor.get(row.assessment_id)))
}
