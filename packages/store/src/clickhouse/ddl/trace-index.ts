/**
 * `trace_index`: one small row per (project, day, trace), fed by a
 * materialized view on `spans`. A trace list over a window reads this
 * table instead of the wide spans, and "get trace by id" reads its time
 * range from here before touching spans.
 *
 * - AggregatingMergeTree keyed `(project_id, day, trace_id)`, where `day`
 *   is the day of each span's start: a window prunes to its days. A trace
 *   crossing midnight has a row per day; reads merge them by trace_id.
 * - Only duplicate-safe aggregates live here (min/max, argMin, a max-based
 *   error flag): a re-sent span must not change any of them. Token and cost
 *   totals are not (a sum would double count), so readers compute them from
 *   `spans` with `LIMIT 1 BY` for the page of traces they return.
 * - The root is the span with no parent, earliest first; `argMin` over the
 *   key `(has_parent, start_time)` picks it, or the earliest span when the
 *   root has not arrived. Input/output previews are truncated here so the
 *   index stays small.
 * - On a cluster the view reads the node's `spans_local` and writes its
 *   `trace_index_local`; both are sharded by trace_id, so they agree.
 */
import type { TableTemplate } from './render.js'

/** Characters of root input/output kept as the trace preview. */
export const TRACE_PREVIEW_CHARS = 1000

export const traceIndexTable: TableTemplate = {
  name: 'trace_index',
  engine: 'AggregatingMergeTree',
  shardingKey: 'cityHash64(trace_id)',
  ttlFrom: 'toDateTime(day)',
  columns: `
    project_id LowCardinality(String),
    day Date,
    trace_id String,
    start_min SimpleAggregateFunction(min, DateTime64(9)),
    start_max SimpleAggregateFunction(max, DateTime64(9)),
    end_max SimpleAggregateFunction(max, DateTime64(9)),
    has_error SimpleAggregateFunction(max, UInt8),
    root_name AggregateFunction(argMin, String, Tuple(UInt8, DateTime64(9))),
    root_status AggregateFunction(argMin, String, Tuple(UInt8, DateTime64(9))),
    root_input AggregateFunction(argMin, String, Tuple(UInt8, DateTime64(9))),
    root_output AggregateFunction(argMin, String, Tuple(UInt8, DateTime64(9))),
    session_id SimpleAggregateFunction(max, String),
    user_id SimpleAggregateFunction(max, String),
    model_id SimpleAggregateFunction(max, String),
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1`,
  layout: `PARTITION BY toYYYYMM(day)
ORDER BY (project_id, day, trace_id)
{ttl}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1`,
}

// Strings go through toString() because the source columns are LowCardinality and the state type is plain String.
export const traceIndexView = `CREATE MATERIALIZED VIEW IF NOT EXISTS {database}.trace_index_mv {on_cluster}
TO {database}.trace_index{local}
AS SELECT
    project_id,
    toDate(start_time) AS day,
    trace_id,
    min(start_time) AS start_min,
    max(start_time) AS start_max,
    max(end_time) AS end_max,
    max(status_code = 'ERROR') AS has_error,
    argMinState(toString(name), (parent_span_id != '', start_time)) AS root_name,
    argMinState(toString(status_code), (parent_span_id != '', start_time)) AS root_status,
    argMinState(substringUTF8(input, 1, ${TRACE_PREVIEW_CHARS}), (parent_span_id != '', start_time)) AS root_input,
    argMinState(substringUTF8(output, 1, ${TRACE_PREVIEW_CHARS}), (parent_span_id != '', start_time)) AS root_output,
    max(session_id) AS session_id,
    max(user_id) AS user_id,
    max(model_id) AS model_id
FROM {database}.spans{local}
GROUP BY project_id, day, trace_id`
