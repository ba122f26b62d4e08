/**
 * `assessments`: feedback and expectations on a trace or span. Append-only:
 * an edit is a new row naming the one it `overrides`.
 *
 * - The value is stored in typed columns (`value_number`, `value_bool`,
 *   `value_string`) with `value_type` saying which one holds it, so numeric
 *   aggregates never parse text.
 * - Sort key `(project_id, trace_id, assessment_id)`: assessments are read
 *   per trace; a retried insert of the same assessment collapses
 *   (ReplacingMergeTree), and reads use `LIMIT 1 BY assessment_id`.
 * - Monthly partitions: volume is far below spans.
 */
import type { TableTemplate } from './render.js'

export const assessmentsTable: TableTemplate = {
  name: 'assessments',
  engine: 'ReplacingMergeTree',
  shardingKey: 'cityHash64(trace_id)',
  ttlFrom: 'toDateTime(created_at)',
  columns: `
    assessment_id String,
    project_id LowCardinality(String),
    trace_id String,
    span_id String,
    type LowCardinality(String),
    name LowCardinality(String),
    value_type LowCardinality(String),
    value_number Nullable(Float64),
    value_bool Nullable(Bool),
    value_string Nullable(String) CODEC(ZSTD(3)),
    rationale String CODEC(ZSTD(3)),
    source_type LowCardinality(String),
    source_id String,
    run_id String,
    overrides String,
    valid Bool,
    error String CODEC(ZSTD(3)),
    metadata Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    created_at DateTime64(3) CODEC(Delta(8), ZSTD(1))`,
  layout: `PARTITION BY toYYYYMM(created_at)
ORDER BY (project_id, trace_id, assessment_id)
{ttl}
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1`,
}
