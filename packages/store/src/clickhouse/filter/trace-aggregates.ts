/**
 * Trace-level fields as aggregates over a trace's span rows, for the
 * HAVING of a query grouped by `trace_id`.
 *
 * Rows may repeat a span (a re-sent export, until the parts merge). min,
 * max, argMin and "any span errored" are unaffected; sums are not, so
 * tokens and cost first keep one value per span id (`maxMap`) and then add.
 */
import type { Comparison } from '@assay/core'
import { comparedValue, compareNumber, compareText, negateIf, splitNegation } from './compare.js'
import type { ParamBag } from './sql-fragment.js'

/** Root first, then earliest: a root is the span without a parent. */
const ROOT_ORDER = "(parent_span_id != '', start_time)"

const TEXT_AGGREGATES: Record<string, string> = {
  'trace.status': `if(countIf(status_code = 'ERROR') > 0, 'ERROR', argMin(status_code, ${ROOT_ORDER}))`,
  'trace.name': `argMin(name, ${ROOT_ORDER})`,
}

const NUMBER_AGGREGATES: Record<string, string> = {
  'trace.duration_ms':
    '((toUnixTimestamp64Nano(max(end_time)) - toUnixTimestamp64Nano(min(start_time))) / 1000000)',
  'trace.tokens': 'arraySum(maxMap([span_id], [toUInt64(total_tokens)]).2)',
  'trace.cost': 'arraySum(maxMap([span_id], [cost_usd]).2)',
}

export function isTraceAggregateField(name: string): boolean {
  return name in TEXT_AGGREGATES || name in NUMBER_AGGREGATES
}

/** A trace-level comparison as a boolean over aggregates. */
export function compileTraceAggregate(c: Comparison, params: ParamBag): string {
  const { op, negate } = splitNegation(c.op)
  const value = comparedValue(c)
  const number = NUMBER_AGGREGATES[c.field.name]
  if (number !== undefined) return negateIf(negate, compareNumber(number, op, value, params))
  const text = TEXT_AGGREGATES[c.field.name]
  if (text === undefined) throw new TypeError(`not a trace aggregate: ${c.field.name}`)
  return negateIf(negate, compareText(text, op, value, params))
}
