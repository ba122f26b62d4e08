import { emptySpanRow, type PriceTable, type SpanEventRow, type SpanRow } from '@assay/core'
import type { DecodedSpan } from '../otlp/types.js'
import { applyCost } from './cost.js'
import { applyDialects } from './dialects/index.js'
import { fill, fillIo, type SpanDraft } from './draft.js'
import { normalizeParent } from './ids.js'
import { hasMessageEvents, messagesFromEvents } from './message-events.js'
import { fillStatusFromEvents, statusCode } from './status.js'
import { canonicalNanos } from './times.js'
import { stringifyAttributes } from './values.js'

/**
 * One validated span → its row and its event rows. Rows start from core's
 * `emptySpanRow`, so every row has every column in the same order (one
 * object shape for V8) and null-prototype maps (no key is special).
 */

/** What every span of one resource and scope shares. */
export interface SpanScope {
  projectId: string
  serviceName: string
  scopeName: string
  resourceAttributes: Record<string, string>
  /** From the resource's `deployment.environment(.name)`: a fallback only. */
  environment: string
  prices: PriceTable
}

export function normalizeSpan(span: DecodedSpan, s: SpanScope): { row: SpanRow; events: SpanEventRow[] } {
  const start = canonicalNanos(span.startTimeUnixNano) ?? '0'
  const end = canonicalNanos(span.endTimeUnixNano) ?? '0'
  const row: SpanRow = emptySpanRow({
    project_id: s.projectId,
    trace_id: span.traceId.toLowerCase(),
    span_id: span.spanId.toLowerCase(),
    parent_span_id: normalizeParent(span.parentSpanId),
    name: span.name,
    status_code: statusCode(span.status.code),
    status_message: span.status.message,
    // A missing end time is read as a zero-length span rather than losing the span.
    start_time: start,
    end_time: end === '0' ? start : end,
    service_name: s.serviceName,
    scope_name: s.scopeName,
    attributes: stringifyAttributes(span.attributes),
    resource_attributes: s.resourceAttributes,
  })
  const events: SpanEventRow[] = []
  for (const e of span.events) {
    const time = canonicalNanos(e.timeUnixNano) ?? '0'
    events.push({
      project_id: s.projectId,
      trace_id: row.trace_id,
      span_id: row.span_id,
      // An event without a time is placed at its span's start, where it cannot fall outside the span.
      time: time === '0' ? start : time,
      name: e.name,
      source: 'span_event',
      attributes: stringifyAttributes(e.attributes),
      body: '',
    })
  }
  const d: SpanDraft = { row, attrs: span.attributes, events: span.events }
  applyDialects(d)
  if ((row.input === '' || row.output === '') && hasMessageEvents(events)) {
    const fromEvents = messagesFromEvents(events)
    fillIo(d, 'input', () => fromEvents.input)
    fillIo(d, 'output', () => fromEvents.output)
  }
  fillStatusFromEvents(d, span)
  fill(d, 'environment', s.environment)
  applyCost(d, s.prices)
  return { row, events }
}
