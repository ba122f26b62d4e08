/**
 * One assessment name over time: the statistics of `aggregateAssessments`
 * per bucket of trace start time. Buckets are aligned to multiples of
 * their width since the epoch (UTC), so a chart keeps its buckets when
 * the window slides; empty buckets in the window are returned with a
 * count of 0 so the series has no gaps.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { windowParams } from '../read/time-window.js'
import { DEFAULT_TOP_CATEGORIES } from './aggregate-assessments.js'
import { type CurrentValuesOptions, currentValuesSql } from './current-values.js'
import {
  type CategoryCount,
  STATS_SELECT,
  type StatsRow,
  toValueStats,
  type ValueStats,
} from './value-stats.js'

/** A series longer than this is refused: ask for wider buckets. */
export const MAX_BUCKETS = 1000

export interface TimeseriesOptions extends CurrentValuesOptions {
  /** Bucket width in milliseconds. */
  bucketMs: number
  /** Most frequent string values per bucket (default 20). */
  top?: number
}

export type AssessmentBucket = ValueStats & {
  /** Bucket start, milliseconds since the epoch. */
  start: number
}

/** How many buckets a window spans at a width; callers check this against MAX_BUCKETS first. */
export function bucketCount(from: bigint, to: bigint, bucketMs: number): number {
  const width = BigInt(bucketMs) * 1_000_000n
  return Number((to - 1n) / width - from / width) + 1
}

export async function assessmentTimeseries(
  ch: ClickHouse,
  options: TimeseriesOptions,
): Promise<AssessmentBucket[]> {
  const bucketMs = Math.trunc(options.bucketMs)
  const window = windowParams(options.from, options.to)
  const count = bucketCount(BigInt(window.from), BigInt(window.to), bucketMs)
  if (!(bucketMs > 0) || count > MAX_BUCKETS) {
    throw new RangeError(`a timeseries has at most ${MAX_BUCKETS} buckets of at least 1 ms; got ${count}`)
  }
  const values = currentValuesSql(ch.database, options)
  const bucket = `intDiv(toUnixTimestamp64Milli(trace_start), {a_bucket:Int64}) * {a_bucket:Int64}`
  const params = { ...values.params, a_bucket: bucketMs, a_top: options.top ?? DEFAULT_TOP_CATEGORIES }
  const [stats, top] = await Promise.all([
    queryRows<StatsRow & { bucket: number | string }>(
      ch,
      `SELECT ${bucket} AS bucket, ${STATS_SELECT}\nFROM (\n${values.sql}\n)\nGROUP BY bucket`,
      params,
    ),
    queryRows<{ bucket: number | string; value: string; n: number | string }>(
      ch,
      `SELECT ${bucket} AS bucket, value_string AS value, count() AS n
FROM (
${values.sql}
)
WHERE value_type = 'string'
GROUP BY bucket, value
ORDER BY bucket, n DESC, value
LIMIT {a_top:UInt32} BY bucket`,
      params,
    ),
  ])
  const byBucket = new Map(stats.map((row) => [Number(row.bucket), row]))
  const tops = new Map<number, CategoryCount[]>()
  for (const row of top) {
    const list = tops.get(Number(row.bucket)) ?? []
    list.push({ value: row.value, count: Number(row.n) })
    tops.set(Number(row.bucket), list)
  }
  const first = Number(BigInt(window.from) / 1_000_000n / BigInt(bucketMs)) * bucketMs
  return Array.from({ length: count }, (_, i) => {
    const start = first + i * bucketMs
    return { start, ...toValueStats(byBucket.get(start), tops.get(start) ?? []) }
  })
}
