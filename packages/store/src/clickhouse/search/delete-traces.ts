/**
 * Deleting traces: by id, or every trace older than a time (optionally only
 * those a filter selects) for retention. A trace is its rows in `spans`,
 * `span_events`, `assessments` and `trace_index`; all four are cleared.
 *
 * Lightweight `DELETE FROM` (chDB 26.7 and servers since 23.3): rows vanish
 * from reads as soon as the statement returns (`lightweight_deletes_sync`
 * defaults to waiting) and are dropped physically at the next merge. On a
 * cluster the statement targets each node's `_local` table `ON CLUSTER`,
 * because a Distributed table cannot delete. Whole days past a retention
 * period are better left to the tables' TTL (`retentionDays`).
 */
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { TimeBound } from '../read/time-window.js'
import { type FilterExpr, traceFilterSql } from './filter-sql.js'
import { selectTraceKeys } from './trace-keys.js'
import { searchWindow } from './window.js'

const TABLES = ['spans', 'span_events', 'assessments', 'trace_index'] as const

/** Ids per DELETE statement and per selection round of a delete by age. */
export const DELETE_BATCH = 10_000

/** Delete these traces; answers how many of them existed. */
export async function deleteTraces(
  ch: ClickHouse,
  projectId: string,
  traceIds: readonly string[],
): Promise<{ deleted: number }> {
  let deleted = 0
  for (let i = 0; i < traceIds.length; i += DELETE_BATCH) {
    const ids = [...new Set(traceIds.slice(i, i + DELETE_BATCH))]
    const [found] = await queryRows<{ n: string | number }>(
      ch,
      `SELECT uniqExact(trace_id) AS n FROM ${ch.database}.trace_index
WHERE project_id = {project_id:String} AND trace_id IN {ids:Array(String)}`,
      { project_id: projectId, ids },
    )
    if (!Number(found?.n)) continue
    deleted += Number(found!.n)
    for (const table of TABLES) {
      await ch.client.command({
        query: `DELETE FROM ${target(ch, table)} WHERE project_id = {project_id:String} AND trace_id IN {ids:Array(String)}`,
        query_params: { project_id: projectId, ids },
      })
    }
  }
  return { deleted }
}

export interface DeleteOlderOptions {
  projectId: string
  /** Traces that started before this are deleted. */
  olderThan: TimeBound
  /** Only traces this filter selects (all when absent). */
  filter?: FilterExpr
  /** At most this many traces per call (default 100,000); `more` says whether any remain. */
  maxTraces?: number
}

/** Delete traces by age (and filter), oldest first, in batches. */
export async function deleteTracesOlderThan(
  ch: ClickHouse,
  options: DeleteOlderOptions,
): Promise<{ deleted: number; more: boolean }> {
  const max = options.maxTraces ?? 100_000
  const window = searchWindow('0', options.olderThan)
  const filter = options.filter && traceFilterSql(ch, options.filter)
  let deleted = 0
  let after: { key: string; traceId: string } | undefined
  while (deleted < max) {
    const keys = await selectTraceKeys(ch, {
      projectId: options.projectId,
      window,
      filter,
      sort: 'start_time',
      order: 'asc',
      limit: Math.min(DELETE_BATCH, max - deleted),
      after,
    })
    if (keys.length === 0) return { deleted, more: false }
    deleted += (
      await deleteTraces(
        ch,
        options.projectId,
        keys.map((k) => k.trace_id),
      )
    ).deleted
    const last = keys[keys.length - 1]!
    after = { key: last.key, traceId: last.trace_id }
  }
  const rest = await selectTraceKeys(ch, {
    projectId: options.projectId,
    window,
    filter,
    sort: 'start_time',
    order: 'asc',
    limit: 1,
    after,
  })
  return { deleted, more: rest.length > 0 }
}

function target(ch: ClickHouse, table: string): string {
  return ch.cluster ? `${ch.database}.${table}_local ON CLUSTER ${ch.cluster}` : `${ch.database}.${table}`
}
