/**
 * Builds OTLP/JSON exports for tests: spans with OpenInference attributes,
 * the dialect the collector maps to input/output, kind, model and session.
 */
import { randomBytes } from 'node:crypto'

export const hex = (bytes: number) => randomBytes(bytes).toString('hex')

export interface TestSpan {
  spanId?: string
  parentId?: string
  name: string
  kind: 'LLM' | 'CHAIN' | 'RETRIEVER' | 'TOOL' | 'AGENT' | 'EMBEDDING'
  startMs: number
  durationMs: number
  input?: unknown
  output?: unknown
  error?: string
  attributes?: Record<string, string | number>
}

type Attr = { key: string; value: { stringValue?: string; intValue?: number; doubleValue?: number } }

const attr = (key: string, v: string | number): Attr =>
  typeof v === 'number'
    ? { key, value: Number.isInteger(v) ? { intValue: v } : { doubleValue: v } }
    : { key, value: { stringValue: v } }

const ns = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString()

export function otlpSpan(traceId: string, s: TestSpan) {
  const attributes: Attr[] = [attr('openinference.span.kind', s.kind)]
  if (s.input !== undefined)
    attributes.push(attr('input.value', typeof s.input === 'string' ? s.input : JSON.stringify(s.input)))
  if (s.input !== undefined && typeof s.input !== 'string')
    attributes.push(attr('input.mime_type', 'application/json'))
  if (s.output !== undefined)
    attributes.push(attr('output.value', typeof s.output === 'string' ? s.output : JSON.stringify(s.output)))
  if (s.output !== undefined && typeof s.output !== 'string')
    attributes.push(attr('output.mime_type', 'application/json'))
  for (const [k, v] of Object.entries(s.attributes ?? {})) attributes.push(attr(k, v))
  return {
    traceId,
    spanId: s.spanId ?? hex(8),
    ...(s.parentId ? { parentSpanId: s.parentId } : {}),
    name: s.name,
    kind: 1,
    startTimeUnixNano: ns(s.startMs),
    endTimeUnixNano: ns(s.startMs + s.durationMs),
    attributes,
    status: s.error ? { code: 2, message: s.error } : { code: 1 },
  }
}

export function otlpExport(service: string, spans: ReturnType<typeof otlpSpan>[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [attr('service.name', service)] },
        scopeSpans: [{ scope: { name: 'assay-web-test' }, spans }],
      },
    ],
  }
}

export async function postOtlp(url: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`POST /v1/traces: ${res.status} ${await res.text()}`)
}
