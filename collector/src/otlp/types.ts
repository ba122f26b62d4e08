/**
 * The decoded form of an OTLP export, produced identically by the protobuf
 * and the JSON decoders and consumed by normalization.
 *
 * - Ids are lowercase hex strings exactly as received (possibly of a wrong
 *   length or empty): validating them is normalization's job, so that one bad
 *   span is rejected alone.
 * - Times are nanoseconds since the epoch as decimal strings ('0' when absent);
 *   they never pass through a JS number.
 * - OTLP `intValue` becomes a `bigint`, `doubleValue` a `number`,
 *   `bytesValue` a `Uint8Array`, `arrayValue` an array and `kvlistValue` a
 *   null-prototype object. An empty AnyValue is `null`.
 * - Attribute maps are null-prototype objects (a key such as `__proto__` is
 *   just a key); for a repeated key the last value wins.
 */

export type AnyValue = string | number | bigint | boolean | Uint8Array | null | AnyValue[] | KvList
export interface KvList {
  [key: string]: AnyValue
}
export type Attributes = KvList

export interface DecodedResource {
  attributes: Attributes
}

export interface DecodedScope {
  name: string
  version: string
  attributes: Attributes
}

export interface DecodedSpanEvent {
  timeUnixNano: string
  name: string
  attributes: Attributes
}

export interface DecodedSpanLink {
  traceId: string
  spanId: string
  attributes: Attributes
}

export interface DecodedSpan {
  traceId: string
  spanId: string
  parentSpanId: string
  traceState: string
  name: string
  /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number
  startTimeUnixNano: string
  endTimeUnixNano: string
  attributes: Attributes
  events: DecodedSpanEvent[]
  links: DecodedSpanLink[]
  /** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
  status: { code: number; message: string }
}

export interface DecodedScopeSpans {
  scope: DecodedScope
  spans: DecodedSpan[]
}

export interface DecodedResourceSpans {
  resource: DecodedResource
  scopeSpans: DecodedScopeSpans[]
}

export interface DecodedTracesRequest {
  resourceSpans: DecodedResourceSpans[]
}

export interface DecodedLogRecord {
  timeUnixNano: string
  observedTimeUnixNano: string
  severityNumber: number
  severityText: string
  body: AnyValue
  attributes: Attributes
  /** '' when the record belongs to no span. */
  traceId: string
  spanId: string
  /** OTLP `event_name` (newer SDKs); '' when absent. */
  eventName: string
}

export interface DecodedScopeLogs {
  scope: DecodedScope
  logRecords: DecodedLogRecord[]
}

export interface DecodedResourceLogs {
  resource: DecodedResource
  scopeLogs: DecodedScopeLogs[]
}

export interface DecodedLogsRequest {
  resourceLogs: DecodedResourceLogs[]
}
