/**
 * Every trace query is bounded by a time window. Bounds arrive as ISO
 * date-times or nanosecond strings; the default is the last 24 hours.
 */
import { ApiError } from './errors.js'

const DAY_MS = 24 * 60 * 60 * 1000

function toNanos(value: string, field: string): bigint {
  if (/^[0-9]{1,19}$/.test(value)) return BigInt(value)
  const ms = Date.parse(value)
  if (!Number.isFinite(ms)) {
    throw new ApiError(400, `${field} must be an ISO 8601 date-time or nanoseconds since the epoch`, field)
  }
  return BigInt(ms) * 1_000_000n
}

/** The window [from, to) in nanoseconds; rejects an end before the start. */
export function timeWindow(
  from: string | undefined,
  to: string | undefined,
  now = Date.now(),
): { from: string; to: string } {
  const end = to === undefined ? BigInt(now) * 1_000_000n : toNanos(to, 'query.to')
  const start = from === undefined ? end - BigInt(DAY_MS) * 1_000_000n : toNanos(from, 'query.from')
  if (end <= start) throw new ApiError(400, 'query.to must be after query.from', 'query.to')
  return { from: start.toString(), to: end.toString() }
}
