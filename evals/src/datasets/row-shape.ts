/**
 * Checks one parsed row (a JSONL object, or a CSV record already grouped
 * into `inputs` / `expectations` / `metadata`) and turns it into a
 * DatasetRow. Shared by both file formats so they accept the same rows.
 */
import type { DatasetRow } from './dataset-row.js'

const KNOWN = new Set(['id', 'inputs', 'expectations', 'metadata'])

/** Returns the row, or a message saying what is wrong with it. */
export function rowFromObject(value: unknown): DatasetRow | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'a row must be a JSON object with an "inputs" field'
  }
  const record = value as Record<string, unknown>
  // A misspelt "expectation" would silently lose the ground truth: refuse unknown keys.
  const unknown = Object.keys(record).filter((key) => !KNOWN.has(key))
  if (unknown.length > 0) {
    return `unknown field "${unknown[0]}" (a row has inputs, expectations, metadata and id)`
  }
  if (record.inputs === undefined || record.inputs === null) return 'the row has no "inputs"'
  const row: DatasetRow = { inputs: record.inputs }
  if (record.expectations !== undefined && record.expectations !== null) {
    row.expectations = record.expectations
  }
  if (record.id !== undefined) {
    if (typeof record.id !== 'string' && typeof record.id !== 'number') return '"id" must be a string'
    row.id = String(record.id)
  }
  if (record.metadata !== undefined) {
    const metadata = stringMap(record.metadata)
    if (typeof metadata === 'string') return metadata
    row.metadata = metadata
  }
  return row
}

function stringMap(value: unknown): Record<string, string> | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return '"metadata" must be an object of strings'
  }
  const out: Record<string, string> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = typeof v === 'string' ? v : JSON.stringify(v)
  }
  return out
}
