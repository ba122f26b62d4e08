import type {
  AnyValue,
  Attributes,
  DecodedLogRecord,
  DecodedLogsRequest,
  DecodedSpan,
  DecodedTracesRequest,
} from '../../src/otlp/types.js'

/** Hand-built decoded requests for the unit tests. */

export const TRACE = '0af7651916cd43dd8448eb211c80319c'
export const START = '1767225600000000000' // 2026-01-01T00:00:00Z
export const END = '1767225601000000000'

let next = 1
export function spanId(): string {
  return (next++).toString(16).padStart(16, '0')
}

export function attrs(o: Record<string, AnyValue>): Attributes {
  return Object.assign(Object.create(null), o)
}

export function span(over: Partial<DecodedSpan> & { attributes?: Attributes } = {}): DecodedSpan {
  return {
    traceId: TRACE,
    spanId: spanId(),
    parentSpanId: '',
    traceState: '',
    name: 'span',
    kind: 1,
    startTimeUnixNano: START,
    endTimeUnixNano: END,
    events: [],
    links: [],
    status: { code: 0, message: '' },
    ...over,
    attributes: over.attributes ?? attrs({}),
  }
}

export function traces(
  spans: DecodedSpan[],
  resource: Record<string, AnyValue> = { 'service.name': 'svc' },
): DecodedTracesRequest {
  return {
    resourceSpans: [
      {
        resource: { attributes: attrs(resource) },
        scopeSpans: [{ scope: { name: 'test', version: '', attributes: attrs({}) }, spans }],
      },
    ],
  }
}

export function logRecord(over: Partial<DecodedLogRecord> = {}): DecodedLogRecord {
  return {
    timeUnixNano: START,
    observedTimeUnixNano: '0',
    severityNumber: 9,
    severityText: '',
    body: null,
    attributes: attrs({}),
    traceId: TRACE,
    spanId: '00000000000000aa',
    eventName: '',
    ...over,
  }
}

export function logs(records: DecodedLogRecord[]): DecodedLogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: attrs({}) },
        scopeLogs: [{ scope: { name: 'test', version: '', attributes: attrs({}) }, logRecords: records }],
      },
    ],
  }
}
