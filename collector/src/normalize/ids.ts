/**
 * Trace and span id checks. The decoders pass ids through as received, so a
 * bad one is caught here and rejects only its own span or record. Hex is
 * accepted in either case and stored lowercase.
 */

const HEX = /^[0-9a-fA-F]+$/
const ZEROS = /^0+$/

/** Why `id` is not a valid id of `hexChars` characters, or undefined when it is. */
export function idProblem(id: string, hexChars: number): string | undefined {
  if (id.length !== hexChars) return `must be ${hexChars} hex characters, got ${id.length}`
  if (!HEX.test(id)) return 'is not hexadecimal'
  if (ZEROS.test(id)) return 'is all zeros'
  return undefined
}

/**
 * A parent id: '' for a root. An all-zero parent is read as "no parent"
 * (some SDKs send zeros instead of omitting the field); any other malformed
 * parent rejects the span, since it would detach it from its trace.
 */
export function parentProblem(id: string): string | undefined {
  if (id === '' || (id.length === 16 && ZEROS.test(id))) return undefined
  return idProblem(id, 16)
}

export function normalizeParent(id: string): string {
  return id === '' || ZEROS.test(id) ? '' : id.toLowerCase()
}
