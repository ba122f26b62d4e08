/**
 * JSON Lines imports: one item per line, the same object as the bulk add
 * takes (`{"inputs": {...}, "expectations": {...}, "metadata": {...}}`).
 * Blank lines are skipped; a line that is not JSON, or not an item, is
 * rejected with its line number and the other lines still count.
 */
import { checkItem, type ParsedImport } from './import-lines.js'

export function parseJsonl(text: string): ParsedImport {
  const result: ParsedImport = { items: [], rejected: [] }
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      result.rejected.push({ line: index + 1, error: `not JSON: ${(e as Error).message}` })
      return
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      result.rejected.push({ line: index + 1, error: 'not an item: expected a JSON object with "inputs"' })
      return
    }
    const checked = checkItem(value)
    if ('item' in checked) result.items.push(checked.item)
    else result.rejected.push({ line: index + 1, error: checked.error })
  })
  return result
}
