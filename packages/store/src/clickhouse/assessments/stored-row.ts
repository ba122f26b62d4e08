/**
 * The assessments table's row shape, both ways. The union-typed `value` is
 * split into typed columns (`value_number`, `value_bool`, `value_string`,
 * with `value_type` naming the one in use) so that aggregates over numeric
 * or boolean feedback never parse text.
 */
import type { Assessment, AssessmentValue, AssessmentValueType } from '@assay/core'
import { jsonLine } from '../write/json-each-row.js'
import type { AssessmentRecord } from './assessment-record.js'

/** A state written by an override or a delete (new rows have version 0). */
export interface RowState {
  valid: boolean
  deleted: boolean
  /** Microseconds since the epoch; higher than every earlier state of the row. */
  version: number
}

export function assessmentLine(row: Assessment, state?: RowState): string {
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
    ...(state ?? {}),
  })
}

// Same rule as core's assessmentValueType; kept type-only here so the write path loads no schemas.
export function valueType(value: AssessmentValue): AssessmentValueType {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'
}

/** Columns to select for `StoredAssessment`, from the latest state of each row. */
export const STORED_COLUMNS = `assessment_id, project_id, trace_id, span_id, type, name,
    value_type, value_number, value_bool, value_string,
    rationale, source_type, source_id, run_id, overrides, valid, deleted, error, metadata,
    toUnixTimestamp64Milli(created_at) AS created_ms, version`

export type StoredAssessment = Omit<Assessment, 'value' | 'created_at'> & {
  value_type: AssessmentValueType
  value_number: number | null
  value_bool: boolean | null
  value_string: string | null
  deleted: boolean
  created_ms: number | string
  version: number | string
}

/** A stored row as a record; `overridden_by` is filled in by whoever read the whole trace. */
export function fromStored(row: StoredAssessment, overriddenBy = ''): AssessmentRecord {
  const { value_type, value_number, value_bool, value_string, created_ms, version, ...rest } = row
  const created_at = Number(created_ms)
  const micros = Number(version)
  return {
    ...rest,
    valid: Boolean(rest.valid),
    deleted: Boolean(rest.deleted),
    value:
      value_type === 'number'
        ? Number(value_number)
        : value_type === 'boolean'
          ? Boolean(value_bool)
          : (value_string ?? ''),
    created_at,
    overridden_by: overriddenBy,
    updated_at: micros > 0 ? Math.floor(micros / 1000) : created_at,
  }
}

/**
 * The version of the next state of `record`: now, in microseconds, but
 * always past the record's own (clocks of two servers may disagree).
 */
export function nextVersion(record: AssessmentRecord, now = Date.now()): number {
  return Math.max(now, record.updated_at + 1) * 1000
}
