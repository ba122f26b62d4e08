/**
 * Time buckets of the metrics series: a size from a fixed ladder chosen so
 * a window shows at most ~120 points, or one given by the caller (bounded so
 * a response stays small). Buckets are aligned to the epoch in UTC, so two
 * windows that overlap agree on their common buckets.
 */
import { InvalidSearchError } from './errors.js'

const MINUTE = 60
const HOUR = 3600
const DAY = 86_400
export const BUCKET_LADDER_SECONDS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
  30 * DAY,
]
const TARGET_BUCKETS = 120
export const MAX_METRIC_BUCKETS = 1000

/** The bucket size in seconds for a window, checked or chosen. */
export function bucketSeconds(from: string, to: string, requested?: number): number {
  const windowSeconds = Number((BigInt(to) - BigInt(from)) / 1_000_000_000n)
  if (requested === undefined) {
    return (
      BUCKET_LADDER_SECONDS.find((b) => windowSeconds / b <= TARGET_BUCKETS) ??
      BUCKET_LADDER_SECONDS[BUCKET_LADDER_SECONDS.length - 1]!
    )
  }
  if (!Number.isInteger(requested) || requested < 1) {
    throw new InvalidSearchError('bucket must be a whole number of seconds, at least 1', 'bucket')
  }
  if (windowSeconds / requested > MAX_METRIC_BUCKETS) {
    throw new InvalidSearchError(
      `bucket of ${requested} s makes more than ${MAX_METRIC_BUCKETS} buckets in this window; use a larger bucket`,
      'bucket',
    )
  }
  return requested
}

/** Start (ns string) of every bucket that overlaps [from, to). */
export function bucketStarts(from: string, to: string, seconds: number): string[] {
  const size = BigInt(seconds) * 1_000_000_000n
  const starts: string[] = []
  for (let b = (BigInt(from) / size) * size; b < BigInt(to); b += size) starts.push(b.toString())
  return starts
}
