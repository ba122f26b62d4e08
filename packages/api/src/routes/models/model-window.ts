/**
 * The window of a LoggedModel's traces. A version is looked at for days
 * after it ships (a comparison of last week's model with today's), so
 * without `from` it reaches back 30 days from `to`, as a session does,
 * rather than the 24 hours of a trace list. Still bounded: no query reads
 * all of a project's spans.
 */
import { timeWindow } from '../../time-window.js'

const MODEL_LOOKBACK_NS = 30n * 86_400_000_000_000n

export function modelWindow(from: string | undefined, to: string | undefined): { from: string; to: string } {
  if (from !== undefined) return timeWindow(from, to)
  const end = timeWindow(undefined, to).to
  const start = BigInt(end) - MODEL_LOOKBACK_NS
  return { from: (start > 0n ? start : 0n).toString(), to: end }
}
