/** All events and span-linked log records of one trace, deduplicated, in time order. */
import type { SpanEventRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from './query-rows.js'
import { nanosOut } from './time-window.js'

type StoredEvent = Omit<SpanEventRow, 'time'> & { time_ns: string }

export async function getSpanEvents(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<SpanEventRow[]> {
  const rows = await queryRows<StoredEvent>(
    ch,
    `SELECT project_id, trace_id, span_id, ${nanosOut('time')} AS time_ns, name, source, attributes, body
FROM ${ch.database}.span_events
WHERE project_id = {project:String} AND trace_id = {trace:String}
ORDER BY time, span_id, event_hash
LIMIT 1 BY span_id, time, event_hash`,
    { project: projectId, trace: traceId },
  )
  return rows.map(({ time_ns, ...rest }) => ({ ...rest, time: time_ns }))
}
