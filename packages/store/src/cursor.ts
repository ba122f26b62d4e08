/**
 * Keyset cursors for every search: the sort key of the last row of a page,
 * as a short tuple of strings, bound to what produced it.
 *
 * The cursor is base64url JSON `[scope, fields, check]`, where `scope`
 * names the list, sort, order and a digest of the filter, and `check` is a
 * digest of the rest. A cursor edited by hand, cut short, or reused with a
 * different sort or filter fails here with `InvalidCursorError` instead of
 * silently reading the wrong rows. The digest carries no secret: a cursor
 * can only ever address rows of the caller's own project, so it needs to
 * be tamper-evident, not unforgeable.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { InvalidCursorError } from './clickhouse/read/trace-cursor.js'

const CursorShape = z.tuple([
  z.string().max(200),
  z.array(z.string().max(1024)).max(8),
  z.string().length(16),
])

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16)
}

/** A short stable digest of anything JSON-able (the compiled filter, say), for a cursor scope. */
export function scopeDigest(value: unknown): string {
  return digest(JSON.stringify(value) ?? '')
}

export function encodeCursor(scope: string, fields: string[]): string {
  const body = JSON.stringify([scope, fields])
  return Buffer.from(JSON.stringify([scope, fields, digest(body)])).toString('base64url')
}

/**
 * The fields of a cursor issued for `scope`, checked by `valid` (one pattern per field).
 *
 * @example
 * const [start, traceId] = decodeCursor(raw, 'traces:start:desc:…', [/^\d{1,19}$/, /^[0-9a-f]{32}$/])
 */
export function decodeCursor(raw: string, scope: string, valid: RegExp[]): string[] {
  let parsed: z.infer<typeof CursorShape>
  try {
    parsed = CursorShape.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
  } catch {
    throw new InvalidCursorError('invalid cursor')
  }
  const [cursorScope, fields, check] = parsed
  if (check !== digest(JSON.stringify([cursorScope, fields]))) throw new InvalidCursorError('invalid cursor')
  if (cursorScope !== scope) {
    throw new InvalidCursorError('cursor was issued for a different list, sort, order or filter')
  }
  if (fields.length !== valid.length || fields.some((f, i) => !valid[i]!.test(f))) {
    throw new InvalidCursorError('invalid cursor')
  }
  return fields
}
