/**
 * Turns the per-table DDL templates into statements for one deployment
 * shape. Single node: one `*MergeTree` table per name. Cluster: every
 * statement `ON CLUSTER`, a `Replicated*MergeTree` table `<name>_local` on
 * each node and a `Distributed` table `<name>` over them, sharded by
 * `cityHash64(trace_id)` so that a trace (and its index row) stays on one
 * shard. Reads and writes always address `<name>`.
 *
 * Placeholders: `{database}`, `{cluster}`, `{on_cluster}`, `{local}` ('' or
 * '_local'). Other braces (`{shard}`, `{replica}`, `{table}`) are left for
 * ClickHouse's own macros on the server.
 */

export interface DdlContext {
  database: string
  cluster?: string
  retentionDays?: number
}

/** A MergeTree-family table, written as SQL fragments so it reads like DDL. */
export interface TableTemplate {
  name: string
  /** Column list, without the surrounding parentheses. */
  columns: string
  /** Engine family without the `Replicated` prefix, e.g. `ReplacingMergeTree`. */
  engine: string
  /** Engine arguments (e.g. a version column), '' for none. */
  engineArgs?: string
  /** PARTITION BY / ORDER BY / SETTINGS ... Use `{ttl}` where the retention TTL goes. */
  layout: string
  /** Expression (DateTime) the retention TTL counts from. */
  ttlFrom?: string
  /** Sharding key of the Distributed table on a cluster. */
  shardingKey: string
}

export function render(template: string, ctx: DdlContext): string {
  return template
    .replaceAll('{database}', ctx.database)
    .replaceAll('{cluster}', ctx.cluster ?? '')
    .replaceAll(' {on_cluster}', ctx.cluster ? ` ON CLUSTER ${ctx.cluster}` : '')
    .replaceAll('{local}', ctx.cluster ? '_local' : '')
    .trim()
}

/** CREATE statements for one table: one on a single node, local + Distributed on a cluster. */
export function tableStatements(table: TableTemplate, ctx: DdlContext): string[] {
  const ttl =
    table.ttlFrom && ctx.retentionDays ? `TTL ${table.ttlFrom} + INTERVAL ${ctx.retentionDays} DAY` : ''
  const layout = table.layout.replace('{ttl}', ttl)
  const args = table.engineArgs ?? ''
  if (!ctx.cluster) {
    const engine = args ? `${table.engine}(${args})` : table.engine
    return [
      render(
        `CREATE TABLE IF NOT EXISTS {database}.${table.name}\n(\n${table.columns}\n)\nENGINE = ${engine}\n${layout}`,
        ctx,
      ),
    ]
  }
  // {shard} and {replica} are server macros; {database} is filled in here, which is what the macro would give.
  const replicatedArgs = [`'/clickhouse/tables/{shard}/{database}/${table.name}_local'`, `'{replica}'`, args]
    .filter(Boolean)
    .join(', ')
  return [
    render(
      `CREATE TABLE IF NOT EXISTS {database}.${table.name}_local {on_cluster}\n(\n${table.columns}\n)\n` +
        `ENGINE = Replicated${table.engine}(${replicatedArgs})\n${layout}`,
      ctx,
    ),
    render(
      `CREATE TABLE IF NOT EXISTS {database}.${table.name} {on_cluster} AS {database}.${table.name}_local\n` +
        `ENGINE = Distributed({cluster}, {database}, ${table.name}_local, ${table.shardingKey})`,
      ctx,
    ),
  ]
}
