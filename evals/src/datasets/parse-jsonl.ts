/**
 * JSONL datasets: one JSON object per line. Blank lines are skipped (an
 * editor's trailing newline is not a row); a byte-order mark is dropped; a
 * line that does not parse, or parses to something that is not a row, is
 * an error naming its line number. Nothing is skipped silently.
 */
import { DatasetError } from './dataset-error.js'
import type { DatasetRow } from './dataset-row.js'
import { rowFromObject } from './row-shape.js'

export function parseJsonl(text: string, file: string): DatasetRow[] {
  const rows: DatasetRow[] = []
  const lines = stripBom(text).split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim()
    if (line === '') continue
    const lineNumber = index + 1
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new DatasetError(
        `${file}:${lineNumber}: not valid JSON (${(error as Error).message})`,
        lineNumber,
      )
    }
    const row = rowFromObject(value)
    if (typeof row === 'string') throw new DatasetError(`${file}:${lineNumber}: ${row}`, lineNumber)
    row.id ??= String(lineNumber)
    rows.push(row)
  }
  return rows
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
