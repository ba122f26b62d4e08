/**
 * Delete: the assessment is re-written with `deleted = true`, `valid =
 * false` and a higher version. Nothing is removed: lists and aggregates
 * leave it out, the history still shows it. Deleting the head of an
 * override chain does not bring back the one it replaced (the chain was a
 * correction; the delete withdraws the corrected value too). Only the
 * current assessment of a chain can be deleted.
 */
import type { ClickHouse } from '../connect.js'
import type { AssessmentRecord } from './assessment-record.js'
import { findCurrent } from './find-assessment.js'
import { insertAssessmentStates } from './insert-assessments.js'
import { nextVersion } from './stored-row.js'

/** Returns the assessment in its deleted state. */
export async function deleteAssessment(
  ch: ClickHouse,
  projectId: string,
  assessmentId: string,
  now = Date.now(),
): Promise<AssessmentRecord> {
  const record = await findCurrent(ch, projectId, assessmentId)
  const version = nextVersion(record, now)
  await insertAssessmentStates(ch, [{ record, state: { valid: false, deleted: true, version } }])
  return { ...record, valid: false, deleted: true, updated_at: Math.floor(version / 1000) }
}
