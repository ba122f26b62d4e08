/**
 * Project totals over a window of span start times (the overview's
 * numbers). Spans are deduplicated by (trace, span) before anything is
 * counted or summed, so a re-sent export never inflates a total.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'
import { type TimeBound, windowParams } from './time-window.js'

export interface CountsOptions {
  projectId: string
  from: TimeBound
  to: TimeBound
}

export interface Counts {
  /** Traces with at least one span starting in the window. */
  traces: number
  spans: number
  /** Spans with status ERROR. */
  errors: number
  /** Traces with at least one ERROR span. */
  error_traces: number
  input_tokens: number
  output_tokens: number
  cost_usd: number
}

export async function aggregateCounts(ch: ClickHouse, options: CountsOptions): Promise<Counts> {
  const [row] = await queryRows<Record<keyof Counts, number | string>>(
    ch,
    `SELECT
    uniqExact(trace_id) AS traces,
    count() AS spans,
    countIf(status_code = 'ERROR') AS errors,
    uniqExactIf(trace_id, status_code = 'ERROR') AS error_traces,
    sum(input_tokens) AS input_tokens,
    sum(output_tokens) AS output_tokens,
    sum(cost_usd) AS cost_usd
FROM (
    SELECT trace_id, span_id, status_code, input_tokens, output_tokens, cost_usd
    FROM ${ch.database}.spans
    WHERE project_id = {project:String}
      AND start_time >= fromUnixTimestamp64Nano({from:Int64})
      AND start_time < fromUnixTimestamp64Nano({to:Int64})
    LIMIT 1 BY trace_id, span_id
)`,
    { project: options.projectId, ...windowParams(options.from, options.to) },
  )
  return {
    traces: Number(row?.traces ?? 0),
    spans: Number(row?.spans ?? 0),
    errors: Number(row?.errors ?? 0),
    error_traces: Number(row?.error_traces ?? 0),
    input_tokens: Number(row?.input_tokens ?? 0),
    output_tokens: Number(row?.output_tokens ?? 0),
    cost_usd: Number(row?.cost_usd ?? 0),
  }
}

/** Alias kept for callers that only need counts. */
export const countSpans = aggregateCounts
