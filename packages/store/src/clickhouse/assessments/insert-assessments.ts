/**
 * Batch insert of new assessments (the collector and the eval runner write
 * here directly; no checks beyond the row shape). State changes of
 * existing rows go through `insertAssessmentStates`.
 */
import type { Assessment } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { insertLines } from '../write/json-each-row.js'
import { type AssessmentRecord, toAssessment } from './assessment-record.js'
import { assessmentLine, type RowState } from './stored-row.js'

export async function insertAssessments(ch: ClickHouse, rows: readonly Assessment[]): Promise<void> {
  await insertLines(
    ch,
    'assessments',
    rows.map((row) => assessmentLine(row)),
  )
}

/** New rows and re-written states in one insert, so an override lands together with its invalidation. */
export async function insertAssessmentStates(
  ch: ClickHouse,
  rows: readonly { record: Assessment | AssessmentRecord; state?: RowState }[],
): Promise<void> {
  await insertLines(
    ch,
    'assessments',
    // Computed fields are not columns: only the Assessment part is written.
    rows.map(({ record, state }) => assessmentLine(toAssessment(record), state)),
  )
}
