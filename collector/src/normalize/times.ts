/**
 * Nanosecond timestamps stay decimal strings end to end (they exceed 2^53).
 * Comparison is by length then lexicographic order on canonical digits,
 * which needs no BigInt. The upper bound is the largest time a signed
 * 64-bit nanosecond count (ClickHouse DateTime64(9)) can hold, in 2262.
 */

const DIGITS = /^[0-9]+$/
const MAX_NANOS = '9223372036854775807'

/** Digits without leading zeros ('0' for zero), or undefined when not a decimal count. */
export function canonicalNanos(t: string): string | undefined {
  if (!DIGITS.test(t)) return undefined
  let i = 0
  while (i < t.length - 1 && t.charCodeAt(i) === 48) i++
  return i === 0 ? t : t.slice(i)
}

export function compareNanos(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** Why a canonical time cannot be stored, or undefined. */
export function nanosProblem(t: string): string | undefined {
  if (t === '0') return 'is missing (0)'
  if (compareNanos(t, MAX_NANOS) > 0) return 'is out of range (after 2262)'
  return undefined
}

/** Milliseconds since the epoch (for price dates): precision below 1 ms is irrelevant there. */
export function nanosToMs(t: string): number {
  return t.length <= 6 ? 0 : Number(t.slice(0, -6))
}

export function msToNanos(ms: number): string {
  return `${Math.max(0, Math.floor(ms))}000000`
}
