/**
 * All events and span-linked log records of one trace, deduplicated, in time
 * order. Events are small, so sorting and `LIMIT 1 BY` stay in SQL (a few
 * ms even for tens of thousands); rows come back as arrays, which halves
 * the parse work of a big trace's events. With `spanId`, only that span's.
 */
import type { SpanEventRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { columnIndex, queryCompactRows } from './query-compact.js'
import { nanosOut } from './time-window.js'

// project_id and trace_id are fixed by the WHERE; the time is read as a ns string.
const COLUMNS = ['span_id', 'time_ns', 'name', 'source', 'attributes', 'body'] as const
const SELECT_LIST = COLUMNS.map((c) => (c === 'time_ns' ? nanosOut('time') : c)).join(', ')
const I = columnIndex(COLUMNS)

export async function getSpanEvents(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
  spanId?: string,
): Promise<SpanEventRow[]> {
  return queryCompactRows(
    ch,
    `SELECT ${SELECT_LIST}
FROM ${ch.database}.span_events
WHERE project_id = {project:String} AND trace_id = {trace:String}${spanId === undefined ? '' : ' AND span_id = {span:String}'}
ORDER BY time, span_id, event_hash
LIMIT 1 BY span_id, time, event_hash`,
    { project: projectId, trace: traceId, ...(spanId === undefined ? {} : { span: spanId }) },
    (r): SpanEventRow => ({
      project_id: projectId,
      trace_id: traceId,
      span_id: r[I.span_id] as string,
      time: r[I.time_ns] as string,
      name: r[I.name] as string,
      source: r[I.source] as SpanEventRow['source'],
      attributes: r[I.attributes] as SpanEventRow['attributes'],
      body: r[I.body] as string,
    }),
  )
}
