/**
 * Per-LoggedModel totals over the traces of a window, for comparing
 * application versions by latency, cost and token use.
 *
 * A trace belongs to a model by `trace_index.model_id` (the model id
 * stamped on its spans by `assay.model.id`) and to the window by its first
 * span's start, as in trace search. Latency is per trace, first start to
 * last end, from the index's duplicate-safe min/max; tokens and cost are
 * summed over the traces' spans after `LIMIT 1 BY`, so a re-sent span never
 * counts twice.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { TimeBound } from '../read/time-window.js'
import { INDEX_DAYS, SPAN_RANGE, searchWindow } from '../search/window.js'

export interface ModelTraceStatsOptions {
  projectId: string
  modelIds: string[]
  /** Traces starting in [from, to). */
  from: TimeBound
  to: TimeBound
}

export interface ModelTraceStats {
  modelId: string
  traceCount: number
  /** Traces with at least one ERROR span. */
  errorCount: number
  /** Trace latency percentiles in milliseconds; null without traces. */
  latencyMs: { p50: number | null; p95: number | null }
  /** Totals over the traces, and means per trace (null without traces). */
  inputTokens: ModelTotal
  outputTokens: ModelTotal
  totalTokens: ModelTotal
  costUsd: ModelTotal
}

export interface ModelTotal {
  total: number
  meanPerTrace: number | null
}

interface StatsRow {
  model_id: string
  traces: string | number
  errors: string | number
  latency: number[]
  input_tokens: string | number
  output_tokens: string | number
  total_tokens: string | number
  cost_usd: number
}

/** Stats for every id of `modelIds`, in that order; a model without traces gets zeros. */
export async function modelTraceStats(
  ch: ClickHouse,
  options: ModelTraceStatsOptions,
): Promise<ModelTraceStats[]> {
  if (options.modelIds.length === 0) return []
  const db = ch.database
  const rows = await queryRows<StatsRow>(
    ch,
    `WITH model_traces AS (
    SELECT trace_id, max(model_id) AS model, min(start_min) AS start_at, max(end_max) AS end_at,
        max(has_error) AS error
    FROM ${db}.trace_index
    WHERE ${INDEX_DAYS}
    GROUP BY trace_id
    HAVING model IN {model_ids:Array(String)}
        AND start_at >= fromUnixTimestamp64Nano({from:Int64}) AND start_at < fromUnixTimestamp64Nano({to:Int64})
),
span_totals AS (
    SELECT trace_id, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
        sum(total_tokens) AS total_tokens, sum(cost_usd) AS cost_usd
    FROM (
        SELECT trace_id, span_id, input_tokens, output_tokens, total_tokens, cost_usd FROM ${db}.spans
        WHERE ${SPAN_RANGE} AND trace_id IN (SELECT trace_id FROM model_traces)
        LIMIT 1 BY trace_id, span_id
    )
    GROUP BY trace_id
)
SELECT t.model AS model_id, count() AS traces, sum(t.error) AS errors,
    quantiles(0.5, 0.95)((toUnixTimestamp64Nano(t.end_at) - toUnixTimestamp64Nano(t.start_at)) / 1e6) AS latency,
    sum(s.input_tokens) AS input_tokens, sum(s.output_tokens) AS output_tokens,
    sum(s.total_tokens) AS total_tokens, sum(s.cost_usd) AS cost_usd
FROM model_traces AS t
LEFT JOIN span_totals AS s ON s.trace_id = t.trace_id
GROUP BY model_id`,
    { project_id: options.projectId, model_ids: options.modelIds, ...searchWindow(options.from, options.to) },
  )
  const byModel = new Map(rows.map((r) => [r.model_id, r]))
  return options.modelIds.map((modelId) => toStats(modelId, byModel.get(modelId)))
}

function toStats(modelId: string, row: StatsRow | undefined): ModelTraceStats {
  const traces = Number(row?.traces ?? 0)
  const total = (value: string | number | undefined): ModelTotal => {
    const sum = Number(value ?? 0)
    return { total: sum, meanPerTrace: traces > 0 ? sum / traces : null }
  }
  return {
    modelId,
    traceCount: traces,
    errorCount: Number(row?.errors ?? 0),
    latencyMs: { p50: row?.latency[0] ?? null, p95: row?.latency[1] ?? null },
    inputTokens: total(row?.input_tokens),
    outputTokens: total(row?.output_tokens),
    totalTokens: total(row?.total_tokens),
    costUsd: total(row?.cost_usd),
  }
}
