/**
 * Completes stored spans from their stored events: a GenAI span whose
 * messages arrived as log records (possibly in another export, before or
 * after the span) gets its input/output on the read path. Spans that
 * already carry input and output are returned as they are.
 */
import type { SpanEventRow, SpanRow } from '@assay/core'
import { messagesFromEvents } from './message-events.js'

export function fillSpansFromEvents(spans: SpanRow[], events: readonly SpanEventRow[]): SpanRow[] {
  if (events.length === 0) return spans
  const bySpan = new Map<string, SpanEventRow[]>()
  for (const e of events) {
    const list = bySpan.get(e.span_id)
    if (list) list.push(e)
    else bySpan.set(e.span_id, [e])
  }
  return spans.map((span) => {
    if (span.input !== '' && span.output !== '') return span
    const own = bySpan.get(span.span_id)
    if (!own) return span
    const filled = messagesFromEvents(own)
    const input = span.input || filled.input || ''
    const output = span.output || filled.output || ''
    return input === span.input && output === span.output ? span : { ...span, input, output }
  })
}
