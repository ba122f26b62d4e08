/**
 * Log one assessment on a trace or a span, after the checks a caller from
 * outside (the API) needs: the trace and span exist, and the value has the
 * type of the name's earlier values. Bulk writers that produced the trace
 * themselves (the eval runner) use `insertAssessments` and skip the reads.
 */
import type { Assessment, AssessmentSourceType, AssessmentType, AssessmentValue } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { newAssessmentId } from './assessment-id.js'
import type { AssessmentRecord } from './assessment-record.js'
import { checkAssessmentTarget } from './check-target.js'
import { checkValueType } from './check-value-type.js'
import { insertAssessmentStates } from './insert-assessments.js'

export interface NewAssessment {
  project_id: string
  trace_id: string
  name: string
  value: AssessmentValue
  /** '' or absent for the whole trace. */
  span_id?: string
  /** Default `feedback`. */
  type?: AssessmentType
  rationale?: string
  /** Default `HUMAN`. */
  source_type?: AssessmentSourceType
  source_id?: string
  run_id?: string
  metadata?: Record<string, string>
  /** A failure instead of a value (a judge that failed); the value is then not checked or aggregated. */
  error?: string
}

/**
 * @example
 * const a = await logAssessment(ch, { project_id, trace_id, name: 'helpful', value: true })
 */
export async function logAssessment(
  ch: ClickHouse,
  input: NewAssessment,
  now = Date.now(),
): Promise<AssessmentRecord> {
  const row = newRow(input, now)
  await Promise.all([
    checkAssessmentTarget(ch, row.project_id, row.trace_id, row.span_id),
    row.error === '' ? checkValueType(ch, row.project_id, row.name, row.value) : undefined,
  ])
  await insertAssessmentStates(ch, [{ record: row }])
  return { ...row, deleted: false, overridden_by: '', updated_at: row.created_at }
}

/** A complete row from the input's fields and defaults (a new id, valid, created now). */
export function newRow(input: NewAssessment, now: number, overrides = ''): Assessment {
  return {
    assessment_id: newAssessmentId(),
    project_id: input.project_id,
    trace_id: input.trace_id,
    span_id: input.span_id ?? '',
    type: input.type ?? 'feedback',
    name: input.name,
    value: input.value,
    rationale: input.rationale ?? '',
    source_type: input.source_type ?? 'HUMAN',
    source_id: input.source_id ?? '',
    run_id: input.run_id ?? '',
    overrides,
    valid: true,
    error: input.error ?? '',
    metadata: input.metadata ?? {},
    created_at: now,
  }
}
