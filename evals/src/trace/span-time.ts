import type { SpanRow } from '@assay/core'

/**
 * Span times are nanoseconds as decimal strings (they exceed 2^53), so
 * durations are computed in BigInt and only the result becomes a number.
 */
export function spanDurationMs(span: Pick<SpanRow, 'start_time' | 'end_time'>): number {
  try {
    const nanos = BigInt(span.end_time) - BigInt(span.start_time)
    return nanos <= 0n ? 0 : Number(nanos / 1000n) / 1000
  } catch {
    return 0
  }
}

/** Orders spans by start time without losing precision. */
export function compareStart(a: SpanRow, b: SpanRow): number {
  try {
    const d = BigInt(a.start_time) - BigInt(b.start_time)
    return d < 0n ? -1 : d > 0n ? 1 : 0
  } catch {
    return 0
  }
}
