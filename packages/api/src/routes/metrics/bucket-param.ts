/**
 * The `bucket` query field of the metrics: seconds (`300`) or a duration
 * with a unit (`5m`, `1h`, `1d`). Whether it suits the window is the
 * store's check (at most a thousand buckets).
 */
import { ApiError } from '../../errors.js'

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 }

export function bucketParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const match = /^([0-9]{1,7})([smhd]?)$/.exec(value)
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's']! : 0
  if (seconds < 1) {
    throw new ApiError(400, 'query.bucket: seconds or a duration such as 5m, 1h, 1d', 'query.bucket')
  }
  return seconds
}
