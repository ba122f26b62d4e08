/**
 * Time-bucket widths as people write them (`30s`, `5m`, `1h`, `1d`), in
 * milliseconds. Calendar units (weeks, months) are not offered: their
 * length varies, and buckets here are fixed widths aligned to the epoch.
 */
import { ApiError } from '../../errors.js'

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

export const DEFAULT_BUCKET = '1h'

export function bucketWidthMs(text: string, field = 'query.bucket'): number {
  const match = /^([1-9][0-9]{0,5})([smhd])$/.exec(text)
  if (!match) throw new ApiError(400, `${field} must be a number and a unit (s, m, h, d), e.g. 1h`, field)
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}
