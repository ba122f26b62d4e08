/** Batch insert of span events and span-linked log records into `span_events`. */
import type { SpanEventRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { insertLines, jsonLine, nanosLiteral } from './json-each-row.js'

export function spanEventLine(row: SpanEventRow): string {
  const { time, ...rest } = row
  return jsonLine(`"time":${nanosLiteral(time)}`, rest)
}

export async function insertSpanEvents(ch: ClickHouse, rows: readonly SpanEventRow[]): Promise<void> {
  await insertLines(ch, 'span_events', rows.map(spanEventLine))
}
