/**
 * The LoggedModel search conditions of a query string. The filter
 * language (`parseFilter`) describes traces and spans, not model records,
 * so model search takes a few plain repeatable parameters instead:
 * `param=key=value`, `tag=key=value`, `metric=scorer>=0.8`, all ANDed.
 * The first `=` splits key from value, so a key cannot contain `=`.
 */
import { METRIC_OPERATORS, type MetricCondition, type SearchLoggedModelsOptions } from '@assay/store'
import { ApiError } from '../../errors.js'

type Repeated = string | string[] | undefined

const list = (value: Repeated): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

function pairs(value: Repeated, field: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of list(value)) {
    const at = item.indexOf('=')
    if (at < 1) throw new ApiError(400, `${field}: expected key=value, got ${JSON.stringify(item)}`, field)
    out[item.slice(0, at)] = item.slice(at + 1)
  }
  return out
}

// Longest operators first, so `>=` is not read as `>` followed by `=0.8`.
const METRIC = new RegExp(`^(.+?)(${METRIC_OPERATORS.join('|')})(-?[0-9.eE+-]+)$`)

function metrics(value: Repeated, field: string): MetricCondition[] {
  return list(value).map((item) => {
    const match = METRIC.exec(item.trim())
    const number = Number(match?.[3])
    if (!match || !Number.isFinite(number)) {
      throw new ApiError(
        400,
        `${field}: expected scorer<op>number with op one of ${METRIC_OPERATORS.join(' ')}, got ${JSON.stringify(item)}`,
        field,
      )
    }
    return { scorer: match[1]!.trim(), op: match[2] as MetricCondition['op'], value: number }
  })
}

export function searchConditions(query: {
  param?: Repeated
  tag?: Repeated
  metric?: Repeated
}): Pick<SearchLoggedModelsOptions, 'params' | 'tags' | 'metrics'> {
  return {
    params: pairs(query.param, 'query.param'),
    tags: pairs(query.tag, 'query.tag'),
    metrics: metrics(query.metric, 'query.metric'),
  }
}
