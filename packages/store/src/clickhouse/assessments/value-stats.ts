/**
 * What an aggregate says about a set of values, by value type: booleans
 * get a pass rate (share of `true`), numbers mean/min/max and percentiles,
 * strings (categories) a distribution. A name normally has one type, so
 * one section is filled and the others are null; a name with mixed
 * history (rows written around the API's type check) fills several.
 *
 * The same select list serves the overall aggregate and each time bucket.
 */

export const PERCENTILES = [0.5, 0.9, 0.95, 0.99] as const

/** Aggregate expressions over `value_type`, `value_number`, `value_bool`, `value_string`, `trace_id`. */
export const STATS_SELECT = `count() AS n,
    uniqExact(trace_id) AS traces,
    countIf(value_type = 'boolean') AS bool_n,
    countIf(value_type = 'boolean' AND ifNull(value_bool, false)) AS bool_true,
    countIf(value_type = 'number') AS num_n,
    avgIf(value_number, value_type = 'number') AS num_mean,
    minIf(value_number, value_type = 'number') AS num_min,
    maxIf(value_number, value_type = 'number') AS num_max,
    quantilesIf(${PERCENTILES.join(', ')})(value_number, value_type = 'number') AS num_q,
    countIf(value_type = 'string') AS str_n,
    uniqExactIf(value_string, value_type = 'string') AS str_distinct`

type Num = number | string | null

export interface StatsRow {
  n: Num
  traces: Num
  bool_n: Num
  bool_true: Num
  num_n: Num
  num_mean: Num
  num_min: Num
  num_max: Num
  num_q: Num[]
  str_n: Num
  str_distinct: Num
}

export interface CategoryCount {
  value: string
  count: number
}

export interface ValueStats {
  /** Assessments counted (valid, not deleted, with a value). */
  count: number
  /** Distinct traces they are on. */
  traces: number
  boolean: { count: number; true: number; false: number; pass_rate: number } | null
  number: {
    count: number
    mean: number
    min: number
    max: number
    p50: number
    p90: number
    p95: number
    p99: number
  } | null
  /** The most frequent values first (at most the requested number). */
  string: { count: number; distinct: number; top: CategoryCount[] } | null
}

const num = (v: Num | undefined): number => Number(v ?? 0)

export function toValueStats(row: StatsRow | undefined, top: CategoryCount[]): ValueStats {
  const boolN = num(row?.bool_n)
  const boolTrue = num(row?.bool_true)
  const numN = num(row?.num_n)
  const q = row?.num_q ?? []
  const strN = num(row?.str_n)
  return {
    count: num(row?.n),
    traces: num(row?.traces),
    boolean:
      boolN > 0
        ? { count: boolN, true: boolTrue, false: boolN - boolTrue, pass_rate: boolTrue / boolN }
        : null,
    number:
      numN > 0
        ? {
            count: numN,
            mean: num(row?.num_mean),
            min: num(row?.num_min),
            max: num(row?.num_max),
            p50: num(q[0]),
            p90: num(q[1]),
            p95: num(q[2]),
            p99: num(q[3]),
          }
        : null,
    string: strN > 0 ? { count: strN, distinct: num(row?.str_distinct), top } : null,
  }
}
