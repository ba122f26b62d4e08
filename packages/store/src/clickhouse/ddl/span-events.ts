/**
 * `span_events`: span events and OTLP log records that belong to a span
 * (GenAI message events, exceptions). Only ever read per trace.
 *
 * - Sort key `(project_id, trace_id, span_id, time, event_hash)`: reads are
 *   "all events of this trace", a prefix lookup in every daily partition.
 * - ReplacingMergeTree: a re-sent export repeats identical events; the
 *   content hash is in the key so two distinct events with the same time
 *   are both kept. Reads still use `LIMIT 1 BY` until parts merge.
 * - Daily partitions by event time, for TTL drops of whole parts.
 */
import type { TableTemplate } from './render.js'

export const spanEventsTable: TableTemplate = {
  name: 'span_events',
  engine: 'ReplacingMergeTree',
  shardingKey: 'cityHash64(trace_id)',
  ttlFrom: 'toDateTime(time)',
  columns: `
    project_id LowCardinality(String),
    trace_id String CODEC(ZSTD(1)),
    span_id String CODEC(ZSTD(1)),
    time DateTime64(9) CODEC(Delta(8), ZSTD(1)),
    name LowCardinality(String),
    source LowCardinality(String),
    attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    body String CODEC(ZSTD(3)),
    event_hash UInt64 MATERIALIZED sipHash64(name, source, body, mapKeys(attributes), mapValues(attributes))`,
  layout: `PARTITION BY toDate(time)
ORDER BY (project_id, trace_id, span_id, time, event_hash)
{ttl}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1`,
}
