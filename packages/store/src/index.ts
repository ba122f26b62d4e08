// @assay/store: ClickHouse (spans, events, assessments) and Postgres (metadata) storage.
export * from './clickhouse/index.js'
export * from './postgres/index.js'
