/**
 * CSV imports: a header row (see `csv-header.ts` for the columns), then one
 * item per record. Parsed by csv-parse, leniently about stray quotes inside
 * fields; a record with the wrong number of fields, a JSON column that does
 * not hold a JSON object, or no inputs at all is rejected with the line it
 * starts on, and the other records still count. Blank lines are skipped.
 */
import { parse } from 'csv-parse/sync'
import { type CsvColumn, type ItemPart, readCsvHeader } from './csv-header.js'
import { checkItem, type ParsedImport, UnreadableImportError } from './import-lines.js'

type Cells = string[]
type CsvEvent = { record: Cells; endLine: number } | { error: string; endLine: number }

export function parseCsv(text: string): ParsedImport {
  const events: CsvEvent[] = []
  parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (record: Cells, context) => {
      events.push({ record, endLine: context.lines })
      return null
    },
    on_skip: (error) => {
      events.push({
        error: error?.message ?? 'unreadable record',
        endLine: typeof error?.lines === 'number' ? error.lines : 0,
      })
      return undefined
    },
  })
  const [header, ...rows] = events
  if (!header || !('record' in header)) throw new UnreadableImportError('line 1: expected a header row')
  const columns = readCsvHeader(header.record)
  const result: ParsedImport = { items: [], rejected: [] }
  let previousEnd = header.endLine
  for (const event of rows) {
    const line = previousEnd + 1
    previousEnd = Math.max(previousEnd, event.endLine)
    if ('error' in event) {
      result.rejected.push({ line, error: event.error })
      continue
    }
    if (event.record.length === 1 && event.record[0]!.trim() === '') continue
    const checked = itemOf(event.record, columns)
    if ('item' in checked) result.items.push(checked.item)
    else result.rejected.push({ line, error: checked.error })
  }
  return result
}

function itemOf(cells: Cells, columns: CsvColumn[]): ReturnType<typeof checkItem> {
  if (cells.length !== columns.length) {
    return { error: `${cells.length} fields where the header has ${columns.length}` }
  }
  // Entries, not property writes, so a key like `__proto__` is data and not a prototype.
  const entries: Record<ItemPart, [string, unknown][]> = { inputs: [], expectations: [], metadata: [] }
  // JSON-object columns first, so keyed columns land on top of them.
  for (const [i, column] of columns.entries()) {
    const cell = cells[i]!
    if (column.key !== undefined || cell.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(cell)
    } catch {
      return { error: `column '${column.part}': not JSON` }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { error: `column '${column.part}': not a JSON object` }
    }
    entries[column.part].push(...Object.entries(value))
  }
  for (const [i, column] of columns.entries()) {
    if (column.key !== undefined && cells[i] !== '') entries[column.part].push([column.key, cells[i]])
  }
  if (entries.inputs.length === 0) return { error: 'no inputs: every inputs column is empty' }
  const item = {
    inputs: Object.fromEntries(entries.inputs),
    expectations: Object.fromEntries(entries.expectations),
    metadata: Object.fromEntries(entries.metadata),
  }
  return checkItem(item)
}
