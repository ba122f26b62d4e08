/**
 * Positions in filter text. `offset` is a JavaScript string index (what an
 * editor widget needs to place a cursor or underline); `line` and `column`
 * are 1-based and count characters (code points), for people.
 */
export interface FilterPosition {
  offset: number
  line: number
  column: number
}

export function formatPosition(p: FilterPosition): string {
  return `${p.line}:${p.column}`
}
