/**
 * `schema_migrations`: which migration versions have been applied.
 *
 * Two servers may start at once; both apply the same `IF NOT EXISTS`
 * statements and both record the version. ReplacingMergeTree keyed by
 * version folds the double record, and readers use DISTINCT anyway.
 * On a cluster the table is replicated to every node (no `{shard}` in the
 * path) rather than sharded: each node must see the full history.
 */
import type { DdlContext } from './render.js'
import { render } from './render.js'

export function schemaMigrationsStatements(ctx: DdlContext): string[] {
  const engine = ctx.cluster
    ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{database}/schema_migrations', '{shard}-{replica}', applied_at)`
    : 'ReplacingMergeTree(applied_at)'
  return [
    render(`CREATE DATABASE IF NOT EXISTS {database} {on_cluster}`, ctx),
    render(
      `CREATE TABLE IF NOT EXISTS {database}.schema_migrations {on_cluster}
(
    version UInt32,
    name String,
    applied_at DateTime64(3) DEFAULT now64(3)
)
ENGINE = ${engine}
ORDER BY version`,
      ctx,
    ),
  ]
}
