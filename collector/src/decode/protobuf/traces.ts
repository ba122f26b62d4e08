/**
 * `ExportTraceServiceRequest` from the wire straight into the decoded
 * structure of otlp/types.ts (field numbers of opentelemetry-proto v1.7.0,
 * as in `otlp/proto/opentelemetry/proto/trace/v1/trace.proto`).
 */

import type {
  DecodedSpan,
  DecodedSpanEvent,
  DecodedSpanLink,
  DecodedTracesRequest,
} from '../../otlp/types.js'
import { newKvList } from '../kv-list.js'
import { readKeyValue } from './any-value.js'
import { readEnvelopes } from './common.js'
import { enter, I64, LEN, leave, type Reader, readHex, readNanos, skip, tag, VARINT } from './wire.js'

const S_TRACE_ID = tag(1, LEN)
const S_SPAN_ID = tag(2, LEN)
const S_TRACE_STATE = tag(3, LEN)
const S_PARENT_SPAN_ID = tag(4, LEN)
const S_NAME = tag(5, LEN)
const S_KIND = tag(6, VARINT)
const S_START = tag(7, I64)
const S_END = tag(8, I64)
const S_ATTRIBUTES = tag(9, LEN)
const S_EVENTS = tag(11, LEN)
const S_LINKS = tag(13, LEN)
const S_STATUS = tag(15, LEN)

export function readTracesRequest(r: Reader): DecodedTracesRequest {
  return {
    resourceSpans: readEnvelopes(r, readSpan).map(({ resource, scopes }) => ({
      resource,
      scopeSpans: scopes.map(({ scope, items }) => ({ scope, spans: items })),
    })),
  }
}

function readSpan(r: Reader): DecodedSpan {
  const span: DecodedSpan = {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    traceState: '',
    name: '',
    kind: 0,
    startTimeUnixNano: '0',
    endTimeUnixNano: '0',
    attributes: newKvList(),
    events: [],
    links: [],
    status: { code: 0, message: '' },
  }
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    switch (t) {
      case S_TRACE_ID:
        span.traceId = readHex(r)
        break
      case S_SPAN_ID:
        span.spanId = readHex(r)
        break
      case S_TRACE_STATE:
        span.traceState = r.string()
        break
      case S_PARENT_SPAN_ID:
        span.parentSpanId = readHex(r)
        break
      case S_NAME:
        span.name = r.string()
        break
      case S_KIND:
        span.kind = r.int32()
        break
      case S_START:
        span.startTimeUnixNano = readNanos(r)
        break
      case S_END:
        span.endTimeUnixNano = readNanos(r)
        break
      case S_ATTRIBUTES:
        readKeyValue(r, span.attributes, 0)
        break
      case S_EVENTS:
        span.events.push(readEvent(r))
        break
      case S_LINKS:
        span.links.push(readLink(r))
        break
      case S_STATUS:
        readStatus(r, span.status)
        break
      default:
        skip(r, t)
    }
  }
  leave(r, end)
  return span
}

const E_TIME = tag(1, I64)
const E_NAME = tag(2, LEN)
const E_ATTRIBUTES = tag(3, LEN)

function readEvent(r: Reader): DecodedSpanEvent {
  const event: DecodedSpanEvent = { timeUnixNano: '0', name: '', attributes: newKvList() }
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t === E_TIME) event.timeUnixNano = readNanos(r)
    else if (t === E_NAME) event.name = r.string()
    else if (t === E_ATTRIBUTES) readKeyValue(r, event.attributes, 0)
    else skip(r, t)
  }
  leave(r, end)
  return event
}

const L_TRACE_ID = tag(1, LEN)
const L_SPAN_ID = tag(2, LEN)
const L_ATTRIBUTES = tag(4, LEN)

function readLink(r: Reader): DecodedSpanLink {
  const link: DecodedSpanLink = { traceId: '', spanId: '', attributes: newKvList() }
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t === L_TRACE_ID) link.traceId = readHex(r)
    else if (t === L_SPAN_ID) link.spanId = readHex(r)
    else if (t === L_ATTRIBUTES) readKeyValue(r, link.attributes, 0)
    else skip(r, t)
  }
  leave(r, end)
  return link
}

const ST_MESSAGE = tag(2, LEN)
const ST_CODE = tag(3, VARINT)

/** `Status { message = 2, code = 3 }`, merged into the span's (a repeated message merges). */
function readStatus(r: Reader, into: DecodedSpan['status']): void {
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    if (t === ST_MESSAGE) into.message = r.string()
    else if (t === ST_CODE) into.code = r.int32()
    else skip(r, t)
  }
  leave(r, end)
}
