/**
 * The opaque cursor of the trace list: the (start, trace_id) of the last
 * trace of a page, base64url-encoded. Keyset pagination: the next page is
 * everything strictly after that pair in (start DESC, trace_id DESC) order,
 * so pages never repeat or skip a trace while new traces arrive.
 */

export interface TraceCursor {
  start: string
  traceId: string
}

/** A cursor that was not produced by this store (tampered, truncated, from another API). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
}

export function encodeTraceCursor(cursor: TraceCursor): string {
  return Buffer.from(JSON.stringify([cursor.start, cursor.traceId])).toString('base64url')
}

export function decodeTraceCursor(raw: string): TraceCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError('invalid trace list cursor')
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    !/^[0-9]{1,19}$/.test(parsed[0]) ||
    typeof parsed[1] !== 'string' ||
    !/^[0-9a-f]{32}$/.test(parsed[1])
  ) {
    throw new InvalidCursorError('invalid trace list cursor')
  }
  return { start: parsed[0], traceId: parsed[1] }
}
