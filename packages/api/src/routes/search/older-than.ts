/**
 * The `older_than` of a delete: an age (`30d`, `12h`, `90m`, `45s`) counted
 * back from now, or an absolute bound as everywhere else (ISO 8601 or ns).
 */
import { ApiError } from '../../errors.js'
import { timeWindow } from '../../time-window.js'

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** Nanoseconds since the epoch, as a decimal string. */
export function olderThanNanos(value: string, field: string, now = Date.now()): string {
  const age = /^([0-9]{1,6})([smhd])$/.exec(value)
  if (age) return (BigInt(now - Number(age[1]) * UNIT_MS[age[2]!]!) * 1_000_000n).toString()
  try {
    // The window's own parser: its `to` is exactly the bound.
    return timeWindow('0', value).to
  } catch {
    throw new ApiError(
      400,
      `${field}: an age such as 30d, an ISO 8601 date-time, or ns since the epoch`,
      field,
    )
  }
}
