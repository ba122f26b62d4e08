/** Batch insert of normalized span rows into `spans` (the collector's hot path). */
import type { SpanRow } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { insertLines, jsonLine, nanosLiteral } from './json-each-row.js'

export function spanLine(row: SpanRow): string {
  const { start_time, end_time, ...rest } = row
  return jsonLine(`"start_time":${nanosLiteral(start_time)},"end_time":${nanosLiteral(end_time)}`, rest)
}

/**
 * Insert spans as one batch. Re-sending the same spans is harmless: reads
 * deduplicate, and merges collapse them.
 *
 * @example await insertSpans(ch, rows) // thousands of rows per call, not one
 */
export async function insertSpans(ch: ClickHouse, rows: readonly SpanRow[]): Promise<void> {
  await insertLines(ch, 'spans', rows.map(spanLine))
}
