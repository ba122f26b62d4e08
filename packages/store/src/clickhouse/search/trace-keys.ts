/**
 * Step one of trace search: the page of trace ids in sort order after the
 * cursor. Traces of the window come from `trace_index` (start and end are
 * duplicate-safe min/max there), narrowed by the filter's subquery. Start,
 * duration and the string keys (root name, status, model, session, user)
 * sort from the index alone; tokens and cost need the traces' spans,
 * deduplicated with `LIMIT 1 BY` so a re-sent span never counts twice.
 *
 * A string key is the value's first `STRING_KEY_BYTES` bytes, hex-encoded
 * in the cursor: bytes compare exactly (ClickHouse orders strings as bytes)
 * and survive the round trip even when they are not valid UTF-8. Values
 * longer than that, sharing the prefix, fall back to the trace id order.
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { fragmentParams, type TraceFilter } from './filter-sql.js'
import {
  afterOperator,
  orderKeyword,
  PICO_USD,
  type SortOrder,
  type TraceSortKey,
  type TraceStringSortKey,
} from './sort.js'
import { traceMatchesSql } from './trace-matches.js'
import { INDEX_DAYS, type SearchWindow, SPAN_RANGE } from './window.js'

export interface TraceKeysQuery {
  projectId: string
  window: SearchWindow
  filter?: TraceFilter
  sort: TraceSortKey
  order: SortOrder
  limit: number
  /** Sort key (as in `TraceKey.key`) and trace id of the previous page's last row. */
  after?: { key: string; traceId: string }
}

export interface TraceKey {
  trace_id: string
  /** The sort key as an exact integer string, or a string key's bytes in lowercase hex. */
  key: string
  start_ns: string
}

/** Bytes of a string key that sort and go into a cursor (hex: twice as many characters). */
export const STRING_KEY_BYTES = 500

const INDEX_INTEGERS = {
  start_time: 'toUnixTimestamp64Nano(start_at)',
  duration: 'toUnixTimestamp64Nano(end_at) - toUnixTimestamp64Nano(start_at)',
}

// String keys, merged per trace from the index as the trace summary merges them (status as listed:
// any error span makes the trace ERROR, a root without status is UNSET).
const INDEX_STRINGS: Record<TraceStringSortKey, string> = {
  name: 'argMinMerge(root_name)',
  status:
    "if(max(has_error) = 1, 'ERROR', if(argMinMerge(root_status) = '', 'UNSET', argMinMerge(root_status)))",
  model: 'max(model_id)',
  session: 'max(session_id)',
  user: 'max(user_id)',
}

export function isStringSortKey(sort: TraceSortKey): sort is TraceStringSortKey {
  return Object.hasOwn(INDEX_STRINGS, sort)
}

// Per-span values of the span-summed keys. Spans where the column is 0 add nothing and are skipped
// before deduplication (most spans carry no tokens or cost); a trace with none joins as 0.
const SPAN_VALUES: Partial<Record<TraceSortKey, { column: string; value: string }>> = {
  tokens: { column: 'total_tokens', value: 'toInt64(total_tokens)' },
  cost: { column: 'cost_usd', value: PICO_USD('cost_usd') },
}

export async function selectTraceKeys(ch: ClickHouse, q: TraceKeysQuery): Promise<TraceKey[]> {
  const db = ch.database
  const matches = q.filter ? `AND trace_id IN (${traceMatchesSql(db, q.filter)})` : ''
  const spanValue = SPAN_VALUES[q.sort]
  const stringKey = isStringSortKey(q.sort)
  const indexString = stringKey
    ? `, substring(${INDEX_STRINGS[q.sort as TraceStringSortKey]}, 1, ${STRING_KEY_BYTES}) AS string_key`
    : ''
  const keyed = spanValue
    ? `SELECT w.trace_id AS trace_id, w.start_at AS start_at, s.sort_key AS sort_key
    FROM in_window AS w
    LEFT JOIN (
        SELECT trace_id, sum(value) AS sort_key
        FROM (
            SELECT trace_id, span_id, ${spanValue.value} AS value FROM ${db}.spans
            WHERE ${SPAN_RANGE} AND ${spanValue.column} != 0
            LIMIT 1 BY trace_id, span_id
        )
        GROUP BY trace_id
    ) AS s ON s.trace_id = w.trace_id`
    : `SELECT trace_id, start_at, ${stringKey ? 'string_key' : INDEX_INTEGERS[q.sort as 'start_time' | 'duration']} AS sort_key
    FROM in_window`
  const afterKey = stringKey ? 'unhex({after_key:String})' : '{after_key:Int64}'
  const after = q.after
    ? `WHERE (sort_key, trace_id) ${afterOperator(q.order)} (${afterKey}, {after_trace:String})`
    : ''
  const dir = orderKeyword(q.order)
  return queryRows<TraceKey>(
    ch,
    `WITH in_window AS (
    SELECT trace_id, min(start_min) AS start_at, max(end_max) AS end_at${indexString}
    FROM ${db}.trace_index
    WHERE ${INDEX_DAYS} ${matches}
    GROUP BY trace_id
    HAVING start_at >= fromUnixTimestamp64Nano({from:Int64}) AND start_at < fromUnixTimestamp64Nano({to:Int64})
)
SELECT trace_id, ${stringKey ? 'lower(hex(sort_key))' : 'toString(sort_key)'} AS key, toString(toUnixTimestamp64Nano(start_at)) AS start_ns
FROM (${keyed})
${after}
ORDER BY sort_key ${dir}, trace_id ${dir}
LIMIT {limit:UInt32}`,
    {
      ...fragmentParams(q.filter?.where, q.filter?.having),
      project_id: q.projectId,
      ...q.window,
      limit: q.limit,
      after_key: q.after?.key,
      after_trace: q.after?.traceId,
    },
  )
}
