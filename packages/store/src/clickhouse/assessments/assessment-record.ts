/**
 * An assessment as the store returns it: the core `Assessment` plus where it
 * stands in its history. `valid` is false once overridden or deleted;
 * `deleted` says which; `overridden_by` names the successor.
 */
import type { Assessment } from '@assay/core'

export type AssessmentRecord = Assessment & {
  /** True once deleted (the row is kept for history). */
  deleted: boolean
  /** The assessment that overrides this one ('' when none). */
  overridden_by: string
  /** Milliseconds since the epoch of the last state change (created_at when none). */
  updated_at: number
}

/** The plain `Assessment`, for callers that predate the history fields. */
export function toAssessment(record: Assessment | AssessmentRecord): Assessment {
  const { deleted: _d, overridden_by: _o, updated_at: _u, ...assessment } = record as AssessmentRecord
  return assessment
}
