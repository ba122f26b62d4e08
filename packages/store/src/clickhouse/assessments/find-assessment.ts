/**
 * One assessment by id, for the operations that are addressed by id alone
 * (override, delete). The sort key is `(project_id, trace_id, ...)`, so the
 * trace is looked up first (the `idx_assessment_id` skip index narrows that
 * scan to the parts that hold the id), then the trace's history is read,
 * which also tells whether the assessment has a successor.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { AssessmentRecord } from './assessment-record.js'
import { AssessmentRejected } from './assessment-rejected.js'
import { listAssessmentHistory } from './list-history.js'

export interface FoundAssessment {
  record: AssessmentRecord
  /** Every assessment of the same trace (the record included). */
  history: AssessmentRecord[]
}

export async function findAssessment(
  ch: ClickHouse,
  projectId: string,
  assessmentId: string,
): Promise<FoundAssessment | undefined> {
  const [row] = await queryRows<{ trace_id: string }>(
    ch,
    `SELECT trace_id FROM ${ch.database}.assessments
WHERE project_id = {project:String} AND assessment_id = {id:String}
LIMIT 1`,
    { project: projectId, id: assessmentId },
  )
  if (!row) return undefined
  const history = await listAssessmentHistory(ch, projectId, row.trace_id)
  const record = history.find((r) => r.assessment_id === assessmentId)
  return record ? { record, history } : undefined
}

/** The assessment if it stands; otherwise the rejection that says why not. */
export async function findCurrent(
  ch: ClickHouse,
  projectId: string,
  assessmentId: string,
): Promise<AssessmentRecord> {
  const found = await findAssessment(ch, projectId, assessmentId)
  if (!found || found.record.deleted) {
    throw new AssessmentRejected(
      'assessment_not_found',
      `assessment ${assessmentId} not found`,
      'assessment_id',
    )
  }
  const { record } = found
  if (record.overridden_by !== '') {
    throw new AssessmentRejected(
      'assessment_overridden',
      `assessment ${assessmentId} was overridden by ${record.overridden_by}; act on that one`,
      'assessment_id',
    )
  }
  return record
}
