/**
 * Values seen recently for a field, most frequent first: the dashboard's
 * completions after `span.name = '`. A keyed field without its key
 * (`span.attributes`, `metadata`, `tag`, `feedback`) gives the keys (or
 * feedback names) instead. Enum fields answer from the registry; number
 * and free-text fields have nothing to suggest.
 *
 * The read is bounded: a time window (default: the last 24 hours) and at
 * most SCANNED_ROWS rows, so a suggestion never costs a full scan.
 */
import { filterField, resolveField } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { type TimeBound, windowParams } from '../read/time-window.js'
import { MAP_COLUMNS, TEXT_COLUMNS } from './span-columns.js'
import { tableName } from './sql-fragment.js'

export interface RecentFieldValuesOptions {
  projectId: string
  /** A field as written in a filter: `span.name`, `metadata.tenant`, or a keyed prefix alone for its keys. */
  field: string
  /** Only values starting with this (case-insensitive). */
  prefix?: string
  /** At most this many values (default 20, at most 100). */
  limit?: number
  from?: TimeBound
  to?: TimeBound
}

const DAY_MS = 86_400_000
const SCANNED_ROWS = 100_000

/**
 * @example
 * await recentFieldValues(ch, { projectId, field: 'span.name', prefix: 'chat' }) // ['chat gpt-4o', 'chat claude']
 * await recentFieldValues(ch, { projectId, field: 'span.attributes' })            // ['gen_ai.system', ...]
 * @throws FilterError for an unknown field
 */
export async function recentFieldValues(
  ch: ClickHouse,
  options: RecentFieldValuesOptions,
): Promise<string[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20) || 20, 1), 100)
  const prefix = options.prefix ?? ''
  const to = options.to ?? new Date()
  const from =
    options.from ?? new Date((to instanceof Date ? to.getTime() : Number(BigInt(to) / 1_000_000n)) - DAY_MS)
  const window = windowParams(from, to)
  const source = valueSource(options.field, prefix)
  if (Array.isArray(source)) return source.slice(0, limit)
  const rows = await queryRows<{ value: string }>(
    ch,
    `SELECT value
FROM (
    SELECT ${source.expr} AS value
    FROM ${tableName(ch.database, source.table)}
    WHERE project_id = {project:String}
      AND ${source.time} >= fromUnixTimestamp64Nano({from:Int64})
      AND ${source.time} < fromUnixTimestamp64Nano({to:Int64})
      ${source.where ? `AND ${source.where}` : ''}
    LIMIT ${SCANNED_ROWS}
)
WHERE value != '' AND startsWith(lowerUTF8(value), lowerUTF8({prefix:String}))
GROUP BY value
ORDER BY count() DESC, value
LIMIT {limit:UInt32}`,
    { project: options.projectId, ...window, prefix, limit, key: source.key },
  )
  return rows.map((r) => r.value)
}

interface Source {
  table: 'spans' | 'assessments'
  /** SQL over the table's columns; a map key is the `{key:String}` parameter. */
  expr: string
  time: string
  where?: string
  key?: string
}

/** Where a field's values come from, or the values themselves (enums, and fields without suggestions). */
function valueSource(field: string, prefix: string): Source | string[] {
  const keyedAlone = filterField(field.toLowerCase())
  if (keyedAlone?.keyed) {
    if (keyedAlone.name === 'feedback') {
      return { table: 'assessments', expr: 'name', time: 'created_at', where: "type = 'feedback'" }
    }
    return { table: 'spans', expr: `arrayJoin(mapKeys(${MAP_COLUMNS[keyedAlone.name]}))`, time: 'start_time' }
  }
  const { def, ref } = resolveField(field)
  if (def.type === 'enum') {
    return (def.values ?? []).filter((v) => v.toLowerCase().startsWith(prefix.toLowerCase()))
  }
  const map = MAP_COLUMNS[def.name]
  if (map !== undefined) {
    return {
      table: 'spans',
      expr: `${map}[{key:String}]`,
      time: 'start_time',
      where: `mapContains(${map}, {key:String})`,
      key: ref.key,
    }
  }
  if (def.name === 'feedback') {
    return {
      table: 'assessments',
      expr: 'assumeNotNull(value_string)',
      time: 'created_at',
      where: "type = 'feedback' AND name = {key:String} AND value_type = 'string' AND valid",
      key: ref.key,
    }
  }
  if (def.name === 'trace.name')
    return { table: 'spans', expr: 'name', time: 'start_time', where: "parent_span_id = ''" }
  if (def.name === 'prompt') {
    return {
      table: 'spans',
      expr: "arrayJoin(if(prompt_version = '', [prompt_name], [prompt_name, concat(prompt_name, '/', prompt_version)]))",
      time: 'start_time',
    }
  }
  const columns = def.type === 'text' ? undefined : TEXT_COLUMNS[def.name]
  if (columns === undefined) return []
  return {
    table: 'spans',
    expr: columns.length === 1 ? columns[0]! : `arrayJoin([${columns.join(', ')}])`,
    time: 'start_time',
  }
}
