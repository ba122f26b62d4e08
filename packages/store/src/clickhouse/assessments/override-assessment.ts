/**
 * Override: a new assessment with the old one's name, type, trace and span
 * and a new value, rationale and source; the old one is re-written with
 * `valid = false` and a higher version. Both rows go in one insert. The
 * old row stays, so the history shows the chain through `overrides`.
 *
 * Only the current assessment of a chain can be overridden: overriding an
 * overridden one would fork the chain (409 with the successor's id).
 * Two overrides racing on the same assessment can both succeed (the table
 * has no transactions); the history then shows both successors.
 */
import type { AssessmentSourceType, AssessmentValue } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import type { AssessmentRecord } from './assessment-record.js'
import { checkValueType } from './check-value-type.js'
import { findCurrent } from './find-assessment.js'
import { insertAssessmentStates } from './insert-assessments.js'
import { newRow } from './log-assessment.js'
import { nextVersion } from './stored-row.js'

export interface AssessmentOverride {
  project_id: string
  /** The assessment to replace. */
  assessment_id: string
  value: AssessmentValue
  rationale?: string
  /** Default `HUMAN`: an override is usually a person correcting a judge. */
  source_type?: AssessmentSourceType
  source_id?: string
  /** Default: the old one's metadata. */
  metadata?: Record<string, string>
}

/** Returns the new assessment. */
export async function overrideAssessment(
  ch: ClickHouse,
  change: AssessmentOverride,
  now = Date.now(),
): Promise<AssessmentRecord> {
  const old = await findCurrent(ch, change.project_id, change.assessment_id)
  await checkValueType(ch, change.project_id, old.name, change.value)
  const row = newRow(
    {
      ...old,
      value: change.value,
      rationale: change.rationale,
      source_type: change.source_type,
      source_id: change.source_id,
      metadata: change.metadata ?? old.metadata,
      error: '',
    },
    // A new row is never older than the one it replaces (clocks may disagree).
    Math.max(now, old.created_at),
    old.assessment_id,
  )
  await insertAssessmentStates(ch, [
    { record: row },
    { record: old, state: { valid: false, deleted: false, version: nextVersion(old, now) } },
  ])
  return { ...row, deleted: false, overridden_by: '', updated_at: row.created_at }
}
