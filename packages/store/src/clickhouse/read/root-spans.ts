/**
 * The root span of each of a set of traces, with its input and output cut
 * to a length: what a list of evaluated items shows (and the dataset item
 * the runner stamped as `metadata.eval_item`). The spans read is bounded by
 * the traces' time range from `trace_index`.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'

export interface RootSpanContent {
  trace_id: string
  span_id: string
  name: string
  status_code: string
  duration_ms: number
  /** `metadata.eval_item` of the root span ('' when none). */
  eval_item: string
  input: string
  output: string
  /** True when input or output was longer than `chars`. */
  truncated: boolean
}

interface Row extends Omit<RootSpanContent, 'truncated' | 'duration_ms'> {
  duration_ms: number | string
  input_chars: number | string
  output_chars: number | string
}

export async function getRootSpans(
  ch: ClickHouse,
  projectId: string,
  traceIds: string[],
  chars: number,
): Promise<Map<string, RootSpanContent>> {
  if (traceIds.length === 0) return new Map()
  const db = ch.database
  const rows = await queryRows<Row>(
    ch,
    `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id IN {ids:Array(String)}
)
SELECT trace_id, span_id, name, status_code,
    dateDiff('millisecond', start_time, end_time) AS duration_ms,
    metadata['eval_item'] AS eval_item,
    substringUTF8(input, 1, {chars:UInt32}) AS input,
    substringUTF8(output, 1, {chars:UInt32}) AS output,
    lengthUTF8(input) AS input_chars,
    lengthUTF8(output) AS output_chars
FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id IN {ids:Array(String)}
  AND parent_span_id = ''
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)
ORDER BY start_time, span_id
LIMIT 1 BY trace_id`,
    { project: projectId, ids: traceIds, chars },
  )
  return new Map(
    rows.map((r) => {
      const { input_chars, output_chars, duration_ms, ...rest } = r
      const truncated = Number(input_chars) > chars || Number(output_chars) > chars
      return [r.trace_id, { ...rest, duration_ms: Number(duration_ms), truncated }]
    }),
  )
}
