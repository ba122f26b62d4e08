/**
 * Step two of span search: what a span list shows for one page of spans.
 * Inputs and outputs are cut to previews in the query, so a list never
 * ships whole payloads; the read is bounded by the page's start times.
 */
import type { SpanKind, SpanStatusCode } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { nsRange } from './window.js'

/** Characters of a span's input/output kept in a span list. */
export const SPAN_PREVIEW_CHARS = 500

export interface SpanSummary {
  project_id: string
  trace_id: string
  span_id: string
  parent_span_id: string
  name: string
  kind: SpanKind
  status_code: SpanStatusCode
  status_message: string
  start_time: string
  end_time: string
  duration_ms: number
  service_name: string
  model_request: string
  model_response: string
  provider: string
  input_tokens: number
  output_tokens: number
  total_tokens: number
  cost_usd: number
  session_id: string
  user_id: string
  model_id: string
  environment: string
  input_preview: string
  output_preview: string
}

type Row = Omit<SpanSummary, 'start_time' | 'end_time' | 'duration_ms'> & {
  start_ns: string
  end_ns: string
  duration_ns: string
}

export async function selectSpanSummaries(
  ch: ClickHouse,
  projectId: string,
  page: { trace_id: string; span_id: string; start_ns: string }[],
): Promise<SpanSummary[]> {
  if (page.length === 0) return []
  const { min, max } = nsRange(page.map((p) => p.start_ns))
  const rows = await queryRows<Row>(
    ch,
    `SELECT project_id, trace_id, span_id, parent_span_id, name, kind, status_code, status_message,
    toString(toUnixTimestamp64Nano(start_time)) AS start_ns, toString(toUnixTimestamp64Nano(end_time)) AS end_ns,
    toString(duration_ns) AS duration_ns,
    service_name, model_request, model_response, provider,
    input_tokens, output_tokens, total_tokens, cost_usd, session_id, user_id, model_id, environment,
    substringUTF8(input, 1, ${SPAN_PREVIEW_CHARS}) AS input_preview,
    substringUTF8(output, 1, ${SPAN_PREVIEW_CHARS}) AS output_preview
FROM ${ch.database}.spans
WHERE project_id = {project_id:String}
  AND start_time >= fromUnixTimestamp64Nano({min:Int64})
  AND start_time <= fromUnixTimestamp64Nano({max:Int64})
  AND trace_id IN {traces:Array(String)}
  AND concat(trace_id, span_id) IN {pairs:Array(String)}
LIMIT 1 BY trace_id, span_id`,
    {
      project_id: projectId,
      min,
      max,
      traces: [...new Set(page.map((p) => p.trace_id))],
      // Ids are fixed-width hex, so the concatenation is unambiguous.
      pairs: page.map((p) => p.trace_id + p.span_id),
    },
  )
  return rows.map(({ start_ns, end_ns, duration_ns, ...r }) => ({
    ...r,
    start_time: start_ns,
    end_time: end_ns,
    duration_ms: Math.max(Number(duration_ns), 0) / 1e6,
    input_tokens: Number(r.input_tokens),
    output_tokens: Number(r.output_tokens),
    total_tokens: Number(r.total_tokens),
    cost_usd: Number(r.cost_usd),
  }))
}
