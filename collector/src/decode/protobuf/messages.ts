/**
 * The shapes protobufjs produces when it decodes the OTLP messages, written
 * down so the conversion is type-checked. Reflection messages read absent
 * fields from prototype defaults (often null for messages), so every field
 * is treated as possibly missing.
 */

import type Long from 'long'

type Opt<T> = T | null | undefined

export interface PbAnyValue {
  /** The oneof discriminator: the member last seen on the wire. */
  value?: Opt<string>
  stringValue?: Opt<string>
  boolValue?: Opt<boolean>
  intValue?: Opt<Long | number>
  doubleValue?: Opt<number>
  arrayValue?: Opt<{ values?: Opt<PbAnyValue[]> }>
  kvlistValue?: Opt<{ values?: Opt<PbKeyValue[]> }>
  bytesValue?: Opt<Uint8Array>
}

export interface PbKeyValue {
  key?: Opt<string>
  value?: Opt<PbAnyValue>
}

export interface PbScope {
  name?: Opt<string>
  version?: Opt<string>
  attributes?: Opt<PbKeyValue[]>
}

export interface PbResource {
  attributes?: Opt<PbKeyValue[]>
}

export interface PbSpan {
  traceId?: Opt<Uint8Array>
  spanId?: Opt<Uint8Array>
  traceState?: Opt<string>
  parentSpanId?: Opt<Uint8Array>
  name?: Opt<string>
  kind?: Opt<number>
  startTimeUnixNano?: Opt<Long | number>
  endTimeUnixNano?: Opt<Long | number>
  attributes?: Opt<PbKeyValue[]>
  events?: Opt<{ timeUnixNano?: Opt<Long | number>; name?: Opt<string>; attributes?: Opt<PbKeyValue[]> }[]>
  links?: Opt<{ traceId?: Opt<Uint8Array>; spanId?: Opt<Uint8Array>; attributes?: Opt<PbKeyValue[]> }[]>
  status?: Opt<{ code?: Opt<number>; message?: Opt<string> }>
}

export interface PbTracesRequest {
  resourceSpans?: Opt<
    { resource?: Opt<PbResource>; scopeSpans?: Opt<{ scope?: Opt<PbScope>; spans?: Opt<PbSpan[]> }[]> }[]
  >
}

export interface PbLogRecord {
  timeUnixNano?: Opt<Long | number>
  observedTimeUnixNano?: Opt<Long | number>
  severityNumber?: Opt<number>
  severityText?: Opt<string>
  body?: Opt<PbAnyValue>
  attributes?: Opt<PbKeyValue[]>
  traceId?: Opt<Uint8Array>
  spanId?: Opt<Uint8Array>
  eventName?: Opt<string>
}

export interface PbLogsRequest {
  resourceLogs?: Opt<
    {
      resource?: Opt<PbResource>
      scopeLogs?: Opt<{ scope?: Opt<PbScope>; logRecords?: Opt<PbLogRecord[]> }[]>
    }[]
  >
}
