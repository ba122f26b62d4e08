/**
 * Metrics over time for the dashboard's overview: per time bucket (and per
 * value of one low-cardinality field), volume, errors, latency percentiles,
 * tokens and cost. Computed from the window's spans, deduplicated with
 * `LIMIT 1 BY` first so a re-sent span never counts twice; an optional span
 * filter narrows them (e.g. LLM spans only).
 *
 * `latency_ms` is over the spans of the bucket and group; `trace_latency_ms`
 * over root spans only, whose duration is the trace's.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { TimeBound } from '../read/time-window.js'
import { type FilterExpr, spanFilterSql } from './filter-sql.js'
import { bucketSeconds, bucketStarts } from './metric-buckets.js'
import { type MetricRow, type Metrics, toSeries } from './metric-series.js'
import { searchWindow } from './window.js'

export const METRIC_GROUPS = ['model', 'service', 'kind', 'environment', 'provider', 'status'] as const
export type MetricGroup = (typeof METRIC_GROUPS)[number]

const GROUP_SQL: Record<MetricGroup, string> = {
  model: "if(model_request != '', model_request, model_response)",
  service: 'service_name',
  kind: 'kind',
  environment: 'environment',
  provider: 'provider',
  status: 'status_code',
}

export interface MetricsOptions {
  projectId: string
  from: TimeBound
  to: TimeBound
  /** Bucket size in seconds; chosen from the window when absent. */
  bucket?: number
  groupBy?: MetricGroup
  /** A parsed filter, applied to each span (e.g. `span.kind = 'LLM'`). */
  filter?: FilterExpr
}

export async function metricsOverTime(ch: ClickHouse, options: MetricsOptions): Promise<Metrics> {
  const window = searchWindow(options.from, options.to)
  const { from, to } = window
  const filter = options.filter && spanFilterSql(ch, options.filter)
  const seconds = bucketSeconds(from, to, options.bucket)
  const group = options.groupBy ? GROUP_SQL[options.groupBy] : "''"
  const rows = await queryRows<MetricRow>(
    ch,
    `SELECT toString(intDiv(toUnixTimestamp64Nano(start_time), {bucket_ns:Int64}) * {bucket_ns:Int64}) AS bucket,
    toString(${group}) AS grp,
    uniqExact(trace_id) AS traces, count() AS spans, countIf(status_code = 'ERROR') AS errors,
    quantiles(0.5, 0.95, 0.99)(duration_ns / 1e6) AS latency,
    quantilesIf(0.5, 0.95, 0.99)(duration_ns / 1e6, parent_span_id = '') AS trace_latency,
    countIf(parent_span_id = '') AS roots,
    sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
    sum(total_tokens) AS total_tokens, sum(cost_usd) AS cost_usd
FROM (
    SELECT *, duration_ns FROM ${ch.database}.spans
    WHERE project_id = {project_id:String}
      AND start_time >= fromUnixTimestamp64Nano({from:Int64})
      AND start_time < fromUnixTimestamp64Nano({to:Int64})
      ${filter ? `AND (${filter.sql})` : ''}
    LIMIT 1 BY trace_id, span_id
)
GROUP BY bucket, grp`,
    {
      ...filter?.params,
      project_id: options.projectId,
      ...window,
      bucket_ns: (BigInt(seconds) * 1_000_000_000n).toString(),
    },
  )
  return toSeries(rows, bucketStarts(from, to, seconds), seconds, options.groupBy !== undefined)
}
