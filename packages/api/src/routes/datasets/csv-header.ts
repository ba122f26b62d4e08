/**
 * The header row of a CSV import says where each cell goes:
 *
 * - `inputs.<key>`, `expectations.<key>`, `metadata.<key>`: the cell is that
 *   key's value, as text (CSV has no types; use a JSON column for numbers,
 *   lists or nested objects);
 * - `inputs`, `expectations`, `metadata`: the cell is a JSON object, merged
 *   under the keyed columns (a keyed column wins over the same key in it).
 *
 * Any other column name, or the same name twice, makes the file unreadable.
 */
import { UnreadableImportError } from './import-lines.js'

export type ItemPart = 'inputs' | 'expectations' | 'metadata'

export interface CsvColumn {
  part: ItemPart
  /** Undefined for a JSON-object column. */
  key?: string
}

const COLUMN = /^(inputs|expectations|metadata)(?:\.(.+))?$/

export function readCsvHeader(cells: string[]): CsvColumn[] {
  const seen = new Set<string>()
  const columns = cells.map((raw, i) => {
    const name = raw.trim()
    const match = COLUMN.exec(name)
    if (!match) {
      throw new UnreadableImportError(
        `line 1, column ${i + 1}: unknown column '${name}' (expected inputs.<key>, expectations.<key>, metadata.<key>, or a JSON column inputs, expectations, metadata)`,
      )
    }
    if (seen.has(name))
      throw new UnreadableImportError(`line 1, column ${i + 1}: column '${name}' appears twice`)
    seen.add(name)
    return { part: match[1] as ItemPart, ...(match[2] === undefined ? {} : { key: match[2] }) }
  })
  if (!columns.some((column) => column.part === 'inputs')) {
    throw new UnreadableImportError('line 1: the header has no inputs column (inputs.<key> or inputs)')
  }
  return columns
}
