/**
 * JSONEachRow lines built by a string function (span events: few, small)
 * appended to a group's buffer as UTF-8, like span-rows-body.ts does for
 * spans: the line strings die young, and the group's buffer is always its
 * lines joined by '\n'.
 */
import { JsonBytes } from './json-bytes.js'

/**
 * Appends `rows.map(line)` to `out`, each after a '\n' when `out` already
 * holds a line. When `line` throws, `out` is left as it was.
 */
export function appendLines<T>(out: JsonBytes, rows: readonly T[], line: (row: T) => string): void {
  const start = out.pos
  try {
    for (let i = 0; i < rows.length; i++) {
      const text = line(rows[i]!)
      if (out.pos > 0) out.byte(0x0a)
      out.text(text)
    }
  } catch (error) {
    out.pos = start
    throw error
  }
}

/** `rows.map(line).join('\n')` as UTF-8 bytes, in a Buffer of its own. */
export function linesBody<T>(rows: readonly T[], line: (row: T) => string): Buffer {
  const out = new JsonBytes(1024)
  appendLines(out, rows, line)
  return out.buf.subarray(0, out.pos)
}
