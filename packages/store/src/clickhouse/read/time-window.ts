/**
 * Time bounds for reads. Bounds travel as Int64 nanosecond parameters and
 * become DateTime64(9) in SQL through `fromUnixTimestamp64Nano`, because an
 * integer is unambiguous where a date string depends on parser settings.
 */

/** Nanoseconds since the epoch as a decimal string, or a Date. */
export type TimeBound = string | Date

export function toNanos(value: TimeBound): string {
  if (value instanceof Date) {
    const ms = value.getTime()
    if (!Number.isFinite(ms)) throw new TypeError('invalid Date as a time bound')
    return (BigInt(ms) * 1_000_000n).toString()
  }
  if (!/^[0-9]{1,19}$/.test(value)) {
    throw new TypeError(
      `time bound must be nanoseconds since the epoch as a decimal string, got ${JSON.stringify(value)}`,
    )
  }
  return value
}

/** `{from, to}` as query parameters; the window is [from, to). */
export function windowParams(from: TimeBound, to: TimeBound): { from: string; to: string } {
  return { from: toNanos(from), to: toNanos(to) }
}

/** SQL for a DateTime64(9) column rendered as a nanosecond decimal string. */
export function nanosOut(column: string): string {
  return `toString(toUnixTimestamp64Nano(${column}))`
}
