import type {
  AnyValue,
  Attributes,
  DecodedLogsRequest,
  DecodedScope,
  DecodedSpan,
  DecodedTracesRequest,
} from '../../src/otlp/types.js'

/**
 * Test-only: OTLP/JSON (as in the fixtures and their `.decoded.json` views)
 * → the decoded types, so normalization is tested without depending on the
 * decoder. Deliberately small; the real rules live in `src/decode/`. Where a
 * view prints a default `stringValue: ""` beside the real member, the other
 * member wins.
 */

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON of a known layout
type J = any

export function anyValue(v: J): AnyValue {
  if (v === undefined || v === null) return null
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(anyValue)
  if (v.kvlistValue !== undefined) return attributes(v.kvlistValue.values)
  if (v.intValue !== undefined) return BigInt(v.intValue)
  if (v.doubleValue !== undefined) return Number(v.doubleValue)
  if (v.boolValue !== undefined) return Boolean(v.boolValue)
  if (v.bytesValue !== undefined) return new Uint8Array(Buffer.from(v.bytesValue, 'base64'))
  if (v.stringValue !== undefined) return String(v.stringValue)
  return null
}

export function attributes(list: J): Attributes {
  const out: Attributes = Object.create(null)
  for (const kv of list ?? []) out[kv.key] = anyValue(kv.value)
  return out
}

function scope(s: J): DecodedScope {
  return { name: s?.name ?? '', version: s?.version ?? '', attributes: attributes(s?.attributes) }
}

function time(t: J): string {
  return t === undefined || t === null ? '0' : String(t)
}

function span(s: J): DecodedSpan {
  return {
    traceId: s.traceId ?? '',
    spanId: s.spanId ?? '',
    parentSpanId: s.parentSpanId ?? '',
    traceState: s.traceState ?? '',
    name: s.name ?? '',
    kind: s.kind ?? 0,
    startTimeUnixNano: time(s.startTimeUnixNano),
    endTimeUnixNano: time(s.endTimeUnixNano),
    attributes: attributes(s.attributes),
    events: (s.events ?? []).map((e: J) => ({
      timeUnixNano: time(e.timeUnixNano),
      name: e.name ?? '',
      attributes: attributes(e.attributes),
    })),
    links: [],
    status: { code: s.status?.code ?? 0, message: s.status?.message ?? '' },
  }
}

export function tracesFromJson(doc: J): DecodedTracesRequest {
  return {
    resourceSpans: (doc.resourceSpans ?? []).map((rs: J) => ({
      resource: { attributes: attributes(rs.resource?.attributes) },
      scopeSpans: (rs.scopeSpans ?? []).map((ss: J) => ({
        scope: scope(ss.scope),
        spans: (ss.spans ?? []).map(span),
      })),
    })),
  }
}

export function logsFromJson(doc: J): DecodedLogsRequest {
  return {
    resourceLogs: (doc.resourceLogs ?? []).map((rl: J) => ({
      resource: { attributes: attributes(rl.resource?.attributes) },
      scopeLogs: (rl.scopeLogs ?? []).map((sl: J) => ({
        scope: scope(sl.scope),
        logRecords: (sl.logRecords ?? []).map((r: J) => ({
          timeUnixNano: time(r.timeUnixNano),
          observedTimeUnixNano: time(r.observedTimeUnixNano),
          severityNumber: r.severityNumber ?? 0,
          severityText: r.severityText ?? '',
          body: anyValue(r.body),
          attributes: attributes(r.attributes),
          traceId: r.traceId ?? '',
          spanId: r.spanId ?? '',
          eventName: r.eventName ?? '',
        })),
      })),
    })),
  }
}
