import { MAX_TOKEN_COUNT } from '@assay/core'
import type { AnyValue, Attributes } from '../otlp/types.js'
import { stringifyValue, toJsonValue } from './values.js'

/**
 * Typed reads of one attribute, tolerant of how clients spell a value:
 * a token count may arrive as int, double or numeric string; a JSON
 * structure as a string or as an OTLP array/kvlist.
 */

/** Token counts are clamped into [0, MAX_TOKEN_COUNT]: the columns are UInt32. */
export function toCount(v: AnyValue | undefined): number | undefined {
  if (typeof v === 'bigint') {
    if (v <= 0n) return 0
    return v > BigInt(MAX_TOKEN_COUNT) ? MAX_TOKEN_COUNT : Number(v)
  }
  let n: number
  if (typeof v === 'number') n = v
  else if (typeof v === 'string' && v.trim() !== '') n = Number(v)
  else return undefined
  if (Number.isNaN(n)) return undefined
  if (n <= 0) return 0
  return Math.min(Math.floor(n), MAX_TOKEN_COUNT)
}

export function readCount(attrs: Attributes, key: string): number | undefined {
  return toCount(attrs[key])
}

/** A finite, non-negative amount (a cost), or undefined. */
export function toAmount(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
  return Number.isFinite(n) && n >= 0 ? n : undefined
}

export function readAmount(attrs: Attributes, key: string): number | undefined {
  const v = attrs[key]
  return toAmount(typeof v === 'bigint' ? Number(v) : v)
}

/** The attribute as text; '' when absent or empty. */
export function readString(attrs: Attributes, key: string): string {
  const v = attrs[key]
  if (typeof v === 'string') return v
  return v === undefined ? '' : stringifyValue(v)
}

/** Parses JSON text without throwing; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  const c = text.charCodeAt(0)
  // Cheap pre-check: most plain-text values cannot be JSON, and a throw is costly.
  const maybe =
    c === 123 ||
    c === 91 ||
    c === 34 ||
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 116 ||
    c === 102 ||
    c === 110 ||
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9
  if (!maybe) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A structured attribute: JSON text is parsed, OTLP arrays/kvlists converted; undefined when absent or not JSON. */
export function readJson(attrs: Attributes, key: string): unknown {
  const v = attrs[key]
  if (v === undefined || v === null) return undefined
  if (typeof v === 'string') return parseJson(v)
  return toJsonValue(v)
}
