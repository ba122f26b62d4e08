import type { AnyValue, Attributes } from '../otlp/types.js'

/**
 * Turns decoded OTLP values into the text the `attributes` columns store
 * and into plain JSON values. Lossless where JSON allows: bigints are
 * decimal text (as numbers inside JSON when they fit in 2^53), bytes are
 * base64, NaN and infinities are their names, since JSON has no spelling
 * for them. Nesting deeper than MAX_DEPTH is cut with a marker rather than
 * risking the stack on a hostile request.
 */

export const MAX_DEPTH = 64
const DEPTH_MARKER = '[nesting too deep]'

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

/** A plain JSON value (safe for JSON.stringify) carrying the same information. */
export function toJsonValue(v: AnyValue, depth = 0): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v
    case 'number':
      return Number.isFinite(v) ? v : String(v)
    case 'bigint':
      return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(v)
        : v.toString()
  }
  if (v === null) return null
  if (v instanceof Uint8Array) return base64(v)
  if (depth >= MAX_DEPTH) return DEPTH_MARKER
  if (Array.isArray(v)) {
    // Embedding vectors are long arrays of finite doubles: they need no conversion.
    if (v.every((x) => typeof x === 'number' && Number.isFinite(x))) return v
    return v.map((x) => toJsonValue(x, depth + 1))
  }
  // Null prototype: a `__proto__` key stays an ordinary key.
  const out: Record<string, unknown> = Object.create(null)
  for (const k in v) out[k] = toJsonValue(v[k] as AnyValue, depth + 1)
  return out
}

/** The stored text of one attribute value: strings as is, everything else as JSON or decimal text. */
export function stringifyValue(v: AnyValue): string {
  switch (typeof v) {
    case 'string':
      return v
    case 'number':
      return String(v)
    case 'bigint':
      return v.toString()
    case 'boolean':
      return v ? 'true' : 'false'
  }
  if (v === null) return ''
  if (v instanceof Uint8Array) return base64(v)
  return JSON.stringify(toJsonValue(v))
}

/** A fresh null-prototype map of every attribute as text. */
export function stringifyAttributes(attrs: Attributes): Record<string, string> {
  const out: Record<string, string> = Object.create(null)
  for (const k in attrs) out[k] = stringifyValue(attrs[k] as AnyValue)
  return out
}

/** Text of a decoded or parsed JSON value (strings as is); '' for undefined. */
export function textOf(v: unknown): string {
  return v === undefined ? '' : stringifyValue(v as AnyValue)
}
