/**
 * OTLP trace exports built by hand, in the shape of OTLP/JSON (hex ids,
 * nanosecond strings), so that one value can be sent as JSON or, through
 * otlp-proto.ts, as protobuf — including the malformed values a real SDK
 * would never produce (wrong-length ids, invalid UTF-8, zero times).
 */
import { randomBytes } from 'node:crypto'

export type AnyValue =
  /** A Uint8Array string value is sent as raw bytes (protobuf only): for invalid UTF-8. */
  | { stringValue: string | Uint8Array }
  | { boolValue: boolean }
  | { intValue: string | number }
  | { doubleValue: number }
  | { bytesValue: string }
  | { arrayValue: { values: AnyValue[] } }
  | { kvlistValue: { values: KeyValue[] } }

export interface KeyValue {
  key: string
  value: AnyValue
}

export interface OtlpSpan {
  traceId: string
  spanId: string
  parentSpanId?: string
  /** A Uint8Array name is sent as raw bytes (protobuf only). */
  name: string | Uint8Array
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  kind?: number
  startTimeUnixNano: string
  endTimeUnixNano: string
  attributes?: KeyValue[]
  status?: { code?: number; message?: string }
}

export interface TracesRequest {
  resourceSpans: {
    resource?: { attributes: KeyValue[] }
    scopeSpans: { scope?: { name: string; version?: string }; spans: OtlpSpan[] }[]
  }[]
}

export const randomTraceId = (): string => randomBytes(16).toString('hex')
export const randomSpanId = (): string => randomBytes(8).toString('hex')

let tick = 0n
/** Nanoseconds since the epoch, distinct on every call. */
export function nowNanos(): bigint {
  tick += 1000n
  return BigInt(Date.now()) * 1_000_000n + (tick % 1_000_000n)
}

/** Attributes from a plain object: integers as intValue, other numbers as doubleValue. */
export function attrs(values: Record<string, string | number | boolean>): KeyValue[] {
  return Object.entries(values).map(([key, v]) => ({
    key,
    value:
      typeof v === 'string'
        ? { stringValue: v }
        : typeof v === 'boolean'
          ? { boolValue: v }
          : Number.isInteger(v)
            ? { intValue: v }
            : { doubleValue: v },
  }))
}

/** One resource, one scope, these spans. */
export function tracesRequest(spans: OtlpSpan[], service = 'collector-e2e'): TracesRequest {
  return {
    resourceSpans: [
      {
        resource: { attributes: attrs({ 'service.name': service }) },
        scopeSpans: [{ scope: { name: 'assay-e2e', version: '1.0.0' }, spans }],
      },
    ],
  }
}

/** A GenAI chat span (OpenTelemetry GenAI conventions) with 40 input and 10 output tokens. */
export function chatSpan(traceId: string, parentSpanId = '', extra: KeyValue[] = []): OtlpSpan {
  const start = nowNanos()
  return {
    traceId,
    spanId: randomSpanId(),
    parentSpanId,
    name: 'chat gpt-4o-mini',
    kind: 3,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + 250_000_000n),
    attributes: [
      ...attrs({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 40,
        'gen_ai.usage.output_tokens': 10,
      }),
      ...extra,
    ],
  }
}

export interface BuiltTrace {
  traceId: string
  spanIds: string[]
  request: TracesRequest
}

/** A trace of `spanCount` spans in one export: a root and GenAI chat children, `padBytes` of input on each. */
export function buildTrace(spanCount: number, padBytes = 0): BuiltTrace {
  const traceId = randomTraceId()
  const root = chatSpan(traceId)
  root.name = 'agent-run'
  const pad = padBytes > 0 ? attrs({ 'app.payload': 'x'.repeat(padBytes) }) : []
  const spans = [root]
  for (let i = 1; i < spanCount; i++) spans.push(chatSpan(traceId, root.spanId, pad))
  return { traceId, spanIds: spans.map((s) => s.spanId), request: tracesRequest(spans) }
}
