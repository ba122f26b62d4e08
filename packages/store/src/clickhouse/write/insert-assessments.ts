/**
 * Batch insert of assessments. The union-typed `value` is split into typed
 * columns so that aggregates over numeric or boolean feedback never parse text.
 */
import type { Assessment, AssessmentValue, AssessmentValueType } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { insertLines, jsonLine } from './json-each-row.js'

export function assessmentLine(row: Assessment): string {
  const { value, created_at, ...rest } = row
  if (!Number.isSafeInteger(created_at) || created_at < 0) {
    throw new TypeError(`assessment created_at must be epoch milliseconds, got ${created_at}`)
  }
  const value_type = valueType(value)
  // created_at is an integer literal: DateTime64(3) reads it as exact milliseconds.
  return jsonLine(`"created_at":${created_at}`, {
    ...rest,
    value_type,
    value_number: value_type === 'number' ? value : null,
    value_bool: value_type === 'boolean' ? value : null,
    value_string: value_type === 'string' ? value : null,
  })
}

// Same rule as core's assessmentValueType; kept type-only here so the write path loads no schemas.
function valueType(value: AssessmentValue): AssessmentValueType {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'
}

export async function insertAssessments(ch: ClickHouse, rows: readonly Assessment[]): Promise<void> {
  await insertLines(ch, 'assessments', rows.map(assessmentLine))
}
