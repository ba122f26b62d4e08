/**
 * Step one of span search: the page of (trace, span) ids in sort order
 * after the cursor, among the spans that start in the window and match the
 * filter. Duplicates of a re-sent span are adjacent in this order (same
 * row, same key), so `LIMIT 1 BY` drops them before the page is cut.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { SqlFragment } from './filter-sql.js'
import { afterOperator, orderKeyword, PICO_USD, type SortOrder, type SpanSortKey } from './sort.js'
import type { SearchWindow } from './window.js'

export interface SpanKeysQuery {
  projectId: string
  window: SearchWindow
  filter?: SqlFragment
  sort: SpanSortKey
  order: SortOrder
  limit: number
  after?: { key: string; traceId: string; spanId: string }
}

export interface SpanKey {
  trace_id: string
  span_id: string
  key: string
  start_ns: string
}

const KEY_SQL: Record<SpanSortKey, string> = {
  start_time: 'toUnixTimestamp64Nano(start_time)',
  duration: 'duration_ns',
  tokens: 'toInt64(total_tokens)',
  cost: PICO_USD('cost_usd'),
}

export async function selectSpanKeys(ch: ClickHouse, q: SpanKeysQuery): Promise<SpanKey[]> {
  const key = KEY_SQL[q.sort]
  const dir = orderKeyword(q.order)
  const filter = q.filter ? `AND (${q.filter.sql})` : ''
  const after = q.after
    ? `AND (${key}, trace_id, span_id) ${afterOperator(q.order)} ({after_key:Int64}, {after_trace:String}, {after_span:String})`
    : ''
  return queryRows<SpanKey>(
    ch,
    `SELECT trace_id, span_id, toString(${key}) AS key, toString(toUnixTimestamp64Nano(start_time)) AS start_ns
FROM ${ch.database}.spans
WHERE project_id = {project_id:String}
  AND start_time >= fromUnixTimestamp64Nano({from:Int64})
  AND start_time < fromUnixTimestamp64Nano({to:Int64})
  ${filter}
  ${after}
ORDER BY ${key} ${dir}, trace_id ${dir}, span_id ${dir}
LIMIT 1 BY trace_id, span_id
LIMIT {limit:UInt32}`,
    {
      ...q.filter?.params,
      project_id: q.projectId,
      ...q.window,
      limit: q.limit,
      after_key: q.after?.key,
      after_trace: q.after?.traceId,
      after_span: q.after?.spanId,
    },
  )
}
