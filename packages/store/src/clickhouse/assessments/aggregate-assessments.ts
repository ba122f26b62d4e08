/**
 * Aggregate one assessment name over the traces of a window (optionally
 * filtered): count, pass rate for booleans, mean/min/max/percentiles for
 * numbers, a distribution for categories. Two reads in parallel: the
 * statistics, and the most frequent string values.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { type CurrentValuesOptions, currentValuesSql } from './current-values.js'
import { STATS_SELECT, type StatsRow, toValueStats, type ValueStats } from './value-stats.js'

export const DEFAULT_TOP_CATEGORIES = 20

export interface AggregateOptions extends CurrentValuesOptions {
  /** How many of the most frequent string values to return (default 20). */
  top?: number
}

export type AssessmentAggregate = ValueStats & { name: string }

/**
 * @example
 * const a = await aggregateAssessments(ch, { projectId, name: 'helpful', from: dayAgo, to: new Date() })
 * a.boolean?.pass_rate
 */
export async function aggregateAssessments(
  ch: ClickHouse,
  options: AggregateOptions,
): Promise<AssessmentAggregate> {
  const values = currentValuesSql(ch.database, options)
  const [[stats], top] = await Promise.all([
    queryRows<StatsRow>(ch, `SELECT ${STATS_SELECT}\nFROM (\n${values.sql}\n)`, values.params),
    queryRows<{ value: string; n: number | string }>(
      ch,
      `SELECT value_string AS value, count() AS n
FROM (
${values.sql}
)
WHERE value_type = 'string'
GROUP BY value
ORDER BY n DESC, value
LIMIT {a_top:UInt32}`,
      { ...values.params, a_top: options.top ?? DEFAULT_TOP_CATEGORIES },
    ),
  ])
  const categories = top.map((r) => ({ value: r.value, count: Number(r.n) }))
  return { name: options.name, ...toValueStats(stats, categories) }
}
