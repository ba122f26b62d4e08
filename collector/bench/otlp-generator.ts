/**
 * Realistic OTLP trace exports for the ingestion benchmark, as a
 * BatchSpanProcessor would send them: one resource, two instrumentation
 * scopes, traces of three spans each —
 *
 * - a chain root (OpenInference `CHAIN`, `input.value` / `output.value`,
 *   session and user ids, metadata),
 * - a retriever (OpenInference `RETRIEVER`, `retrieval.documents.N.*`),
 * - an LLM call (OpenTelemetry GenAI: `gen_ai.input.messages` /
 *   `gen_ai.output.messages` JSON with system, user and assistant messages,
 *   model, token usage, request parameters).
 *
 * About 2 KB per span on the wire. Encoded with the collector's own
 * vendored OTLP schema.
 */
import { randomBytes } from 'node:crypto'
import Long from 'long'
import { protoTypes } from '../src/otlp/proto/root.js'

type AnyValueJson =
  | { stringValue: string }
  | { intValue: Long }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: AnyValueJson[] } }

interface KeyValueJson {
  key: string
  value: AnyValueJson
}

const QUESTIONS = [
  'Where is my order #48213? It was supposed to arrive on Tuesday and the tracking page has not changed since the parcel left the warehouse in Rotterdam.',
  'Can you summarise the attached contract and list every clause about termination, notice periods and automatic renewal, with the section numbers?',
  'Write a polite reply to the supplier declining the meeting on Thursday, and suggest two alternative slots next week in the afternoon.',
  'What is the refund policy for annual plans cancelled within the first 30 days, and does it differ for customers who upgraded mid-term?',
  'My invoice shows two charges for the same month. Which one is correct, and how long does it take for the duplicate to be refunded?',
]
const SYSTEM_PROMPT =
  'You are a helpful, concise support assistant for an online shop. Answer only from the provided context documents; ' +
  'if the answer is not in the context, say that you do not know and offer to escalate to a human agent. ' +
  'Never invent order numbers, prices or dates. Reply in the language of the customer, in at most five sentences.'
const DOCS = [
  'Orders ship from our warehouse within two business days. Tracking updates can lag up to 48 hours after the carrier collects the parcel; if no update appears after five business days, the customer may request a trace.',
  'Annual plans cancelled within 30 days of purchase are refunded in full to the original payment method. After 30 days, the unused months are refunded pro rata, minus a fixed administration fee of 15 EUR.',
  'Duplicate charges are reversed automatically within 3-5 business days once detected by the billing system. Customers can also open a billing ticket, which is answered within one business day.',
  'Contracts renew automatically for the same term unless either party gives written notice at least 60 days before the end of the current term (section 12.2). Termination for cause is covered in section 14.',
]
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b']

const str = (key: string, value: string): KeyValueJson => ({ key, value: { stringValue: value } })
const int = (key: string, value: number): KeyValueJson => ({
  key,
  value: { intValue: Long.fromNumber(value) },
})
const dbl = (key: string, value: number): KeyValueJson => ({ key, value: { doubleValue: value } })
const strs = (key: string, values: string[]): KeyValueJson => ({
  key,
  value: { arrayValue: { values: values.map((v) => ({ stringValue: v })) } },
})
const nanos = (ns: bigint) => Long.fromString(ns.toString(), true)

const RESOURCE = {
  attributes: [
    str('service.name', 'support-bot'),
    str('service.version', '2.14.1'),
    str('deployment.environment.name', 'production'),
    str('host.name', 'web-3'),
    str('telemetry.sdk.language', 'nodejs'),
    str('telemetry.sdk.name', 'opentelemetry'),
    str('telemetry.sdk.version', '2.12.0'),
  ],
}

export interface GeneratorOptions {
  /** Traces per export; each has three spans. */
  tracesPerExport: number
  /** Start time of the first span, nanoseconds since the epoch. */
  startNanos: bigint
}

/** One export request, encoded as an OTLP/HTTP protobuf body. */
export interface EncodedExport {
  body: Uint8Array
  spans: number
  traceIds: string[]
}

/** Generates `exports` requests of `3 * tracesPerExport` spans each, pre-encoded. */
export function generateExports(exports: number, options: GeneratorOptions): EncodedExport[] {
  const out: EncodedExport[] = []
  let start = options.startNanos
  let seq = 0
  for (let e = 0; e < exports; e++) {
    const chainSpans: object[] = []
    const llmSpans: object[] = []
    const traceIds: string[] = []
    for (let t = 0; t < options.tracesPerExport; t++, seq++) {
      start += 2_345_678n
      const traceId = randomBytes(16)
      const rootId = randomBytes(8)
      traceIds.push(traceId.toString('hex'))
      const question = QUESTIONS[seq % QUESTIONS.length]!
      const model = MODELS[seq % MODELS.length]!
      const docs = DOCS.map((_, i) => DOCS[(seq + i) % DOCS.length]!)
      const answer = `Thanks for reaching out (ticket ${seq}). ${docs[0]!} If anything is still unclear, reply to this message and a member of the team will follow up with you today.`
      const inputTokens = 380 + (seq % 200)
      const outputTokens = 60 + (seq % 90)
      const rootEnd = start + 1_900_000_000n
      chainSpans.push({
        traceId,
        spanId: rootId,
        name: 'support-agent',
        kind: 1,
        startTimeUnixNano: nanos(start),
        endTimeUnixNano: nanos(rootEnd),
        attributes: [
          str('openinference.span.kind', 'CHAIN'),
          str(
            'input.value',
            JSON.stringify({
              question,
              channel: 'web',
              history: [
                { role: 'user', content: QUESTIONS[(seq + 3) % QUESTIONS.length] },
                { role: 'assistant', content: DOCS[(seq + 3) % DOCS.length] },
              ],
            }),
          ),
          str('input.mime_type', 'application/json'),
          str('output.value', answer),
          str('output.mime_type', 'text/plain'),
          str('session.id', `sess-${seq % 997}`),
          str('user.id', `user-${seq % 313}`),
          str('metadata', JSON.stringify({ tenant: 'acme', plan: seq % 3 === 0 ? 'enterprise' : 'team' })),
        ],
        status: { code: seq % 50 === 0 ? 2 : 1, message: seq % 50 === 0 ? 'upstream timeout' : '' },
      })
      const retrieverStart = start + 5_000_000n
      chainSpans.push({
        traceId,
        spanId: randomBytes(8),
        parentSpanId: rootId,
        name: 'retrieve documents',
        kind: 1,
        startTimeUnixNano: nanos(retrieverStart),
        endTimeUnixNano: nanos(retrieverStart + 120_000_000n),
        attributes: [
          str('openinference.span.kind', 'RETRIEVER'),
          str('input.value', question),
          ...docs.flatMap((content, i) => [
            str(`retrieval.documents.${i}.document.id`, `kb-${(seq + i) % 4000}`),
            str(`retrieval.documents.${i}.document.content`, content),
            dbl(`retrieval.documents.${i}.document.score`, 0.9 - i * 0.07),
          ]),
        ],
        status: { code: 0 },
      })
      const llmStart = retrieverStart + 130_000_000n
      const context = docs.map((d, i) => `[${i + 1}] ${d}`).join('\n')
      llmSpans.push({
        traceId,
        spanId: randomBytes(8),
        parentSpanId: rootId,
        name: `chat ${model}`,
        kind: 3,
        startTimeUnixNano: nanos(llmStart),
        endTimeUnixNano: nanos(llmStart + 1_700_000_000n),
        attributes: [
          str('gen_ai.operation.name', 'chat'),
          str('gen_ai.provider.name', 'openai'),
          str('gen_ai.request.model', model),
          str('gen_ai.response.model', `${model}-2024-07-18`),
          str('gen_ai.response.id', `chatcmpl-${randomBytes(12).toString('hex')}`),
          dbl('gen_ai.request.temperature', 0.2),
          int('gen_ai.request.max_tokens', 512),
          strs('gen_ai.response.finish_reasons', ['stop']),
          int('gen_ai.usage.input_tokens', inputTokens),
          int('gen_ai.usage.output_tokens', outputTokens),
          str('server.address', 'api.openai.com'),
          int('server.port', 443),
          str(
            'gen_ai.input.messages',
            JSON.stringify([
              { role: 'system', parts: [{ type: 'text', content: SYSTEM_PROMPT }] },
              {
                role: 'user',
                parts: [{ type: 'text', content: `Context:\n${context}\n\nQuestion: ${question}` }],
              },
            ]),
          ),
          str(
            'gen_ai.output.messages',
            JSON.stringify([
              { role: 'assistant', parts: [{ type: 'text', content: answer }], finish_reason: 'stop' },
            ]),
          ),
        ],
        status: { code: 0 },
      })
    }
    const request = {
      resourceSpans: [
        {
          resource: RESOURCE,
          scopeSpans: [
            {
              scope: { name: '@arizeai/openinference-instrumentation-langchain', version: '4.0.3' },
              spans: chainSpans,
            },
            { scope: { name: '@opentelemetry/instrumentation-openai', version: '0.21.0' }, spans: llmSpans },
          ],
        },
      ],
    }
    const message = protoTypes.traceRequest.fromObject(request)
    out.push({
      body: protoTypes.traceRequest.encode(message).finish(),
      spans: chainSpans.length + llmSpans.length,
      traceIds,
    })
  }
  return out
}
