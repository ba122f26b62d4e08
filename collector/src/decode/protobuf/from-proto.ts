/**
 * protobufjs request messages -> the decoded structure of types.ts. Kept
 * apart from the wire decoding so that the mapping reads as a table of
 * fields, the same table the JSON decoder follows.
 */

import type {
  DecodedLogRecord,
  DecodedLogsRequest,
  DecodedResource,
  DecodedScope,
  DecodedSpan,
  DecodedTracesRequest,
} from '../../otlp/types.js'
import { bytesToHex } from '../hex.js'
import { longToDecimal, pbAnyValue, pbAttributes } from './any-value.js'
import type { PbLogRecord, PbLogsRequest, PbResource, PbScope, PbSpan, PbTracesRequest } from './messages.js'

export function tracesFromProto(m: PbTracesRequest): DecodedTracesRequest {
  return {
    resourceSpans: (m.resourceSpans ?? []).map((rs) => ({
      resource: resourceFromProto(rs.resource),
      scopeSpans: (rs.scopeSpans ?? []).map((ss) => ({
        scope: scopeFromProto(ss.scope),
        spans: (ss.spans ?? []).map(spanFromProto),
      })),
    })),
  }
}

export function logsFromProto(m: PbLogsRequest): DecodedLogsRequest {
  return {
    resourceLogs: (m.resourceLogs ?? []).map((rl) => ({
      resource: resourceFromProto(rl.resource),
      scopeLogs: (rl.scopeLogs ?? []).map((sl) => ({
        scope: scopeFromProto(sl.scope),
        logRecords: (sl.logRecords ?? []).map(logRecordFromProto),
      })),
    })),
  }
}

function resourceFromProto(r: PbResource | null | undefined): DecodedResource {
  return { attributes: pbAttributes(r?.attributes) }
}

function scopeFromProto(s: PbScope | null | undefined): DecodedScope {
  return { name: s?.name ?? '', version: s?.version ?? '', attributes: pbAttributes(s?.attributes) }
}

function spanFromProto(s: PbSpan): DecodedSpan {
  return {
    traceId: bytesToHex(s.traceId),
    spanId: bytesToHex(s.spanId),
    parentSpanId: bytesToHex(s.parentSpanId),
    traceState: s.traceState ?? '',
    name: s.name ?? '',
    kind: s.kind ?? 0,
    startTimeUnixNano: longToDecimal(s.startTimeUnixNano),
    endTimeUnixNano: longToDecimal(s.endTimeUnixNano),
    attributes: pbAttributes(s.attributes),
    events: (s.events ?? []).map((e) => ({
      timeUnixNano: longToDecimal(e.timeUnixNano),
      name: e.name ?? '',
      attributes: pbAttributes(e.attributes),
    })),
    links: (s.links ?? []).map((l) => ({
      traceId: bytesToHex(l.traceId),
      spanId: bytesToHex(l.spanId),
      attributes: pbAttributes(l.attributes),
    })),
    status: { code: s.status?.code ?? 0, message: s.status?.message ?? '' },
  }
}

function logRecordFromProto(r: PbLogRecord): DecodedLogRecord {
  return {
    timeUnixNano: longToDecimal(r.timeUnixNano),
    observedTimeUnixNano: longToDecimal(r.observedTimeUnixNano),
    severityNumber: r.severityNumber ?? 0,
    severityText: r.severityText ?? '',
    body: pbAnyValue(r.body),
    attributes: pbAttributes(r.attributes),
    traceId: bytesToHex(r.traceId),
    spanId: bytesToHex(r.spanId),
    eventName: r.eventName ?? '',
  }
}
