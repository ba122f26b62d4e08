/**
 * CSV datasets, read with `csv-parse` (quoted fields may hold commas,
 * quotes and newlines). Columns, as the API's import accepts them:
 * `inputs` / `expectations` / `metadata` holding JSON (a bare text in
 * `inputs` or `expectations` is kept as text), or `inputs.<key>` /
 * `expectations.<key>` / `metadata.<key>` text columns. Any other column is
 * refused, so a typo in a header cannot lose data. Errors name the line a
 * record starts on, which is not the record number once a field spans lines.
 */
import { CsvError, parse } from 'csv-parse/sync'
import { DatasetError } from './dataset-error.js'
import type { DatasetRow } from './dataset-row.js'
import { stripBom } from './parse-jsonl.js'
import { rowFromObject } from './row-shape.js'

const GROUPS = ['inputs', 'expectations', 'metadata'] as const
type Group = (typeof GROUPS)[number]

interface Column {
  group: Group
  /** Undefined for a whole-group JSON column. */
  key?: string
}

export function parseCsv(text: string, file: string): DatasetRow[] {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(stripBom(text), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined
    throw new DatasetError(`${file}${line ? `:${line}` : ''}: ${(error as Error).message}`, line)
  }
  const [header, ...body] = records
  if (!header) return []
  const columns = header.record.map((name) => columnOf(name.trim(), file))
  if (!columns.some((c) => c.group === 'inputs')) {
    throw new DatasetError(`${file}:1: no "inputs" or "inputs.<key>" column`, 1)
  }
  return body.map(({ record, info }) => {
    // `info.lines` is the line the record ends on; count back its embedded newlines.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0)
    const grouped = groupRecord(record, columns, file, line)
    const row = rowFromObject(grouped)
    if (typeof row === 'string') throw new DatasetError(`${file}:${line}: ${row}`, line)
    row.id ??= String(line)
    return row
  })
}

function columnOf(name: string, file: string): Column {
  const dot = name.indexOf('.')
  const group = (dot < 0 ? name : name.slice(0, dot)) as Group
  if (!GROUPS.includes(group)) {
    throw new DatasetError(
      `${file}:1: unknown column "${name}"; use inputs, expectations, metadata or inputs.<key>, expectations.<key>, metadata.<key>`,
      1,
    )
  }
  return dot < 0 ? { group } : { group, key: name.slice(dot + 1) }
}

function groupRecord(record: string[], columns: Column[], file: string, line: number) {
  const out: Partial<Record<Group, unknown>> = {}
  columns.forEach((column, i) => {
    const cell = record[i] ?? ''
    if (column.key === undefined) {
      if (cell !== '') out[column.group] = jsonCell(cell, column.group, file, line)
      return
    }
    out[column.group] ??= {}
    const target = out[column.group] as Record<string, unknown>
    if (typeof target !== 'object' || target === null || Array.isArray(target)) {
      throw new DatasetError(`${file}:${line}: both "${column.group}" and "${column.group}.*" columns`, line)
    }
    target[column.key] = cell
  })
  return out
}

function jsonCell(cell: string, group: Group, file: string, line: number): unknown {
  const trimmed = cell.trim()
  // Objects and arrays must parse; anything else is the text the user wrote.
  if (!/^[[{]/.test(trimmed)) {
    if (group === 'metadata') {
      throw new DatasetError(`${file}:${line}: the "metadata" column must hold a JSON object`, line)
    }
    return cell
  }
  try {
    return JSON.parse(trimmed)
  } catch (error) {
    throw new DatasetError(
      `${file}:${line}: the "${group}" column is not valid JSON (${(error as Error).message})`,
      line,
    )
  }
}
