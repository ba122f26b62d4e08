/**
 * The window of one session: a conversation is opened from a link days
 * later, so without `from` it reaches back 30 days from `to` (not the
 * 24 hours of a list).
 */
import { timeWindow } from '../../time-window.js'

const SESSION_LOOKBACK_NS = 30n * 86_400_000_000_000n

export function sessionWindow(
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } {
  if (from !== undefined) return timeWindow(from, to)
  const end = timeWindow(undefined, to).to
  const start = BigInt(end) - SESSION_LOOKBACK_NS
  return { from: (start > 0n ? start : 0n).toString(), to: end }
}
