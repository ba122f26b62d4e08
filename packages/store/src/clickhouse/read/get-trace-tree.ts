/**
 * A trace's spans as the tree and waterfall draw them: only the columns a
 * row shows (ids, name, kind, status, model, tokens, cost, times), never
 * input, output or attributes, and in columns rather than an object per
 * span. For a 30,000-span trace that is about 2 MB of JSON where the whole
 * rows are 25 MB, and the ClickHouse read skips the wide columns entirely.
 *
 * - Times are nanoseconds after `origin` (the trace's first start) as
 *   numbers: exact below 2^53 ns (104 days), and no client needs BigInt.
 * - `parent` is the position of the parent span in these columns, or -1
 *   for a root or a span whose parent never arrived.
 * - Strings that repeat (name, kind, status, model) are dictionaries:
 *   `values` once, `index` per span.
 * - Re-sent spans appear once: the first copy in (start, span_id) order,
 *   as `getTraceSpans` keeps. Narrow rows are cheap to sort, so here the
 *   sort and `LIMIT 1 BY` stay in SQL (unlike the wide rows there).
 */
import type { ClickHouse } from '../connect.js'
import { columnIndex, queryCompactRows } from './query-compact.js'
import { findTraceRange } from './trace-range.js'

/** A string column stored once per distinct value: span i has `values[index[i]]`. */
export interface DictColumn {
  values: string[]
  index: number[]
}

export interface TraceTree {
  trace_id: string
  /** The trace's first span start, nanoseconds since the epoch as a decimal string. */
  origin: string
  session_id: string
  user_id: string
  model_id: string
  /** Per span, in (start, span_id) order. */
  span_id: string[]
  parent: number[]
  /** Nanoseconds from `origin` to the span's start. */
  start: number[]
  /** Nanoseconds (0 when the end precedes the start). */
  duration: number[]
  name: DictColumn
  kind: DictColumn
  status_code: DictColumn
  status_message: DictColumn
  /** The model that answered, else the one asked for ('' for non-model spans). */
  model: DictColumn
  total_tokens: number[]
  cost_usd: number[]
}

const COLUMNS = [
  'span_id',
  'parent_span_id',
  'name',
  'kind',
  'status_code',
  'status_message',
  'model',
  'total_tokens',
  'cost_usd',
  'start',
  'duration',
] as const
const I = columnIndex(COLUMNS)

class Dict {
  private readonly positions = new Map<string, number>()
  readonly column: DictColumn = { values: [], index: [] }
  add(value: string): void {
    let at = this.positions.get(value)
    if (at === undefined) {
      at = this.column.values.length
      this.positions.set(value, at)
      this.column.values.push(value)
    }
    this.column.index.push(at)
  }
}

/** The trace's tree columns, or null when the project has no such trace. */
export async function getTraceTree(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<TraceTree | null> {
  const db = ch.database
  // The range is read twice, here and for `origin`, so the two queries run side by side.
  const [range, rows] = await Promise.all([
    findTraceRange(ch, projectId, traceId),
    queryCompactRows(
      ch,
      `WITH range AS (
    SELECT min(start_min) AS first_start, max(start_max) AS last_start
    FROM ${db}.trace_index
    WHERE project_id = {project:String} AND trace_id = {trace:String}
)
SELECT span_id, parent_span_id, name, kind, status_code, status_message,
    if(model_response != '', model_response, model_request) AS model, total_tokens, cost_usd,
    toFloat64(toUnixTimestamp64Nano(start_time) - toUnixTimestamp64Nano((SELECT first_start FROM range))) AS start,
    toFloat64(greatest(toUnixTimestamp64Nano(end_time) - toUnixTimestamp64Nano(start_time), 0)) AS duration
FROM ${db}.spans
WHERE project_id = {project:String}
  AND trace_id = {trace:String}
  AND start_time >= (SELECT first_start FROM range)
  AND start_time <= (SELECT last_start FROM range)
ORDER BY start_time, span_id
LIMIT 1 BY span_id`,
      { project: projectId, trace: traceId },
      (r) => r,
    ),
  ])
  if (!range || rows.length === 0) return null
  // LIMIT 1 BY already dropped re-sent copies; the map would also catch any left.
  const position = new Map<string, number>()
  const unique: unknown[][] = []
  for (const row of rows) {
    const id = row[I.span_id] as string
    if (position.has(id)) continue
    position.set(id, unique.length)
    unique.push(row)
  }
  const dicts = {
    name: new Dict(),
    kind: new Dict(),
    status_code: new Dict(),
    status_message: new Dict(),
    model: new Dict(),
  }
  const tree: TraceTree = {
    trace_id: traceId,
    origin: range.first,
    session_id: range.session_id,
    user_id: range.user_id,
    model_id: range.model_id,
    span_id: [],
    parent: [],
    start: [],
    duration: [],
    name: dicts.name.column,
    kind: dicts.kind.column,
    status_code: dicts.status_code.column,
    status_message: dicts.status_message.column,
    model: dicts.model.column,
    total_tokens: [],
    cost_usd: [],
  }
  for (let i = 0; i < unique.length; i++) {
    const r = unique[i]!
    tree.span_id.push(r[I.span_id] as string)
    const parent = position.get(r[I.parent_span_id] as string)
    tree.parent.push(parent === undefined || parent === i ? -1 : parent)
    tree.start.push(Number(r[I.start]))
    tree.duration.push(Number(r[I.duration]))
    dicts.name.add(r[I.name] as string)
    dicts.kind.add(r[I.kind] as string)
    dicts.status_code.add(r[I.status_code] as string)
    dicts.status_message.add(r[I.status_message] as string)
    dicts.model.add(r[I.model] as string)
    tree.total_tokens.push(Number(r[I.total_tokens]))
    tree.cost_usd.push(Number(r[I.cost_usd]))
  }
  return tree
}
