/**
 * `spans`: one row per span, the wide table every list, search and chart reads.
 *
 * - Sort key `(project_id, toStartOfHour(start_time), trace_id, span_id)`:
 *   the tenant first (every query filters on it), then an hour bucket so a
 *   time window prunes granules, then the trace so that a trace's spans sit
 *   together inside an hour and "get trace" is a short range once its time
 *   range is known (from `trace_index`).
 * - ReplacingMergeTree on that key: a re-sent span (same project, trace,
 *   span, and therefore same start) collapses at merge time. Until then
 *   reads deduplicate with `LIMIT 1 BY` rather than `FINAL`.
 * - Daily partitions: merges stay small, retention drops whole days
 *   (`ttl_only_drop_parts`), and a window touches only its days.
 * - Codecs: within an hour bucket neighbouring times are close, so `Delta`
 *   before ZSTD shrinks them to a few bytes; input/output are JSON text, ZSTD(3).
 *   LowCardinality on the few-valued strings (kind, status, service, model,
 *   provider, environment).
 * - Skip indexes: bloom filters on trace_id (lookups across hours), on
 *   attribute keys and values (`span.attributes.<key>` filters), and on
 *   session/user ids.
 * - `duration_ns` is MATERIALIZED from the times: stored once, filterable,
 *   and never sent by writers (SELECT * leaves it out).
 */
import type { TableTemplate } from './render.js'

export const spansTable: TableTemplate = {
  name: 'spans',
  engine: 'ReplacingMergeTree',
  shardingKey: 'cityHash64(trace_id)',
  ttlFrom: 'toDateTime(start_time)',
  columns: `
    project_id LowCardinality(String),
    trace_id String CODEC(ZSTD(1)),
    span_id String CODEC(ZSTD(1)),
    parent_span_id String CODEC(ZSTD(1)),
    name LowCardinality(String),
    kind LowCardinality(String),
    status_code LowCardinality(String),
    status_message String CODEC(ZSTD(1)),
    start_time DateTime64(9) CODEC(Delta(8), ZSTD(1)),
    end_time DateTime64(9) CODEC(Delta(8), ZSTD(1)),
    duration_ns Int64 MATERIALIZED toUnixTimestamp64Nano(end_time) - toUnixTimestamp64Nano(start_time),
    service_name LowCardinality(String),
    scope_name LowCardinality(String),
    model_request LowCardinality(String),
    model_response LowCardinality(String),
    provider LowCardinality(String),
    input_tokens UInt32,
    output_tokens UInt32,
    cached_tokens UInt32,
    reasoning_tokens UInt32,
    total_tokens UInt32,
    cost_usd Float64,
    input String CODEC(ZSTD(3)),
    output String CODEC(ZSTD(3)),
    attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    resource_attributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    session_id String CODEC(ZSTD(1)),
    user_id String CODEC(ZSTD(1)),
    model_id String CODEC(ZSTD(1)),
    prompt_name LowCardinality(String),
    prompt_version LowCardinality(String),
    environment LowCardinality(String),
    tags Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    metadata Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    INDEX idx_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_user_id user_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_attr_keys mapKeys(attributes) TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_attr_values mapValues(attributes) TYPE bloom_filter(0.01) GRANULARITY 1`,
  layout: `PARTITION BY toDate(start_time)
ORDER BY (project_id, toStartOfHour(start_time), trace_id, span_id)
{ttl}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1`,
}
