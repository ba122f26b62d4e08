/**
 * An estimate of the memory a batch of rows holds, for the write stage's
 * byte budget. It counts the strings that dominate an LLM span (input,
 * output, attribute values); exactness does not matter, boundedness does.
 */
import type { SpanEventRow, SpanRow } from '@assay/core'

const ROW_OVERHEAD = 256

function mapBytes(map: Record<string, string>): number {
  let n = 0
  for (const key in map) n += key.length + map[key]!.length
  return n
}

export function estimateBytes(spans: readonly SpanRow[], events: readonly SpanEventRow[]): number {
  let n = 0
  for (const s of spans) n += ROW_OVERHEAD + s.input.length + s.output.length + mapBytes(s.attributes)
  for (const e of events) n += ROW_OVERHEAD + e.body.length + mapBytes(e.attributes)
  return n
}
