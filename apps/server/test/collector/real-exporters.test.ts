/**
 * The OpenTelemetry JS SDK's own trace exporters — OTLP/HTTP JSON, OTLP/HTTP
 * protobuf (gzip) and OTLP/gRPC (gzip) — against a running `assay serve`;
 * their spans are read back through `GET /api/traces/{id}`.
 */
import { type Span as ApiSpan, context, SpanKind, trace } from '@opentelemetry/api'
import { ExportResultCode } from '@opentelemetry/core'
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc'
import { OTLPTraceExporter as HttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTrace, spanNamed } from './helpers/api.js'
import { START_TIMEOUT_MS, startTestServer, type TestServer } from './helpers/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer('exporters')
}, START_TIMEOUT_MS)
afterAll(() => server?.dispose(), 120_000)

const gzip = 'gzip' as NonNullable<ConstructorParameters<typeof ProtoExporter>[0]>['compression']

const exporters: [string, () => SpanExporter][] = [
  ['exporter-trace-otlp-http (JSON)', () => new HttpJsonExporter({ url: `${server.url}/v1/traces` })],
  [
    'exporter-trace-otlp-proto (gzip)',
    () => new ProtoExporter({ url: `${server.url}/v1/traces`, compression: gzip }),
  ],
  [
    'exporter-trace-otlp-grpc (gzip)',
    () => new GrpcExporter({ url: `http://127.0.0.1:${server.assay.grpcPort}`, compression: gzip }),
  ],
]

/** Wraps an exporter to record the result code of every export it makes. */
function recording(exporter: SpanExporter): { exporter: SpanExporter; results: ExportResultCode[] } {
  const results: ExportResultCode[] = []
  const original = exporter.export.bind(exporter)
  exporter.export = (spans, done) =>
    original(spans, (result) => {
      results.push(result.code)
      if (result.error) console.error(result.error)
      done(result)
    })
  return { exporter, results }
}

/** An agent turn: agent span, two chat calls (one failing), a tool call; parents passed explicitly. */
function emitAgentTurn(provider: TracerProvider): { traceId: string; ids: Record<string, string> } {
  const tracer = provider.getTracer('assay-e2e', '1.0.0')
  const agent = tracer.startSpan('invoke_agent weather-agent', {
    kind: SpanKind.INTERNAL,
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'weather-agent' },
  })
  const under = (parent: ApiSpan) => trace.setSpan(context.active(), parent)
  const chat = tracer.startSpan(
    'chat gpt-4o-mini',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.usage.input_tokens': 40,
        'gen_ai.usage.output_tokens': 10,
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: 'Weather?' }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: 'Sunny.' }], finish_reason: 'stop' },
        ]),
      },
    },
    under(agent),
  )
  const tool = tracer.startSpan(
    'execute_tool get_weather',
    { attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather' } },
    under(agent),
  )
  const failing = tracer.startSpan(
    'chat gpt-4o',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.provider.name': 'openai',
      },
    },
    under(agent),
  )
  failing.setStatus({ code: 2, message: 'rate limited' })
  for (const span of [chat, tool, failing, agent]) span.end()
  const id = (s: ApiSpan) => s.spanContext().spanId
  return {
    traceId: agent.spanContext().traceId,
    ids: { agent: id(agent), chat: id(chat), tool: id(tool), failing: id(failing) },
  }
}

describe('real OpenTelemetry exporters against assay serve', () => {
  it.each(exporters)(
    '%s: spans read back with names, parents, kinds, model and tokens',
    async (_, make) => {
      const { exporter, results } = recording(make())
      const provider = new TracerProvider({
        resource: resourceFromAttributes({ 'service.name': 'exporter-e2e' }),
        spanProcessors: [new BatchSpanProcessor({ exporter })],
      })
      const turns = [emitAgentTurn(provider), emitAgentTurn(provider)]
      await provider.forceFlush()
      await provider.shutdown()
      expect(results.length).toBeGreaterThan(0)
      expect(results.every((r) => r === ExportResultCode.SUCCESS)).toBe(true)

      for (const { traceId, ids } of turns) {
        const detail = (await getTrace(server.url, traceId))!
        expect(detail).not.toBeNull()
        expect(detail.spans).toHaveLength(4)
        expect(new Set(detail.spans.map((s) => s.span_id))).toEqual(new Set(Object.values(ids)))

        const agent = spanNamed(detail, 'invoke_agent weather-agent')
        expect(agent).toMatchObject({ span_id: ids.agent, parent_span_id: '', kind: 'AGENT' })
        expect(agent.service_name).toBe('exporter-e2e')
        expect(agent.scope_name).toBe('assay-e2e')

        const chat = spanNamed(detail, 'chat gpt-4o-mini')
        expect(chat).toMatchObject({
          span_id: ids.chat,
          parent_span_id: ids.agent,
          kind: 'LLM',
          provider: 'openai',
          model_request: 'gpt-4o-mini',
          model_response: 'gpt-4o-mini-2024-07-18',
          input_tokens: 40,
          output_tokens: 10,
          total_tokens: 50,
          status_code: 'UNSET',
        })
        expect(chat.input).toContain('Weather?')
        expect(chat.output).toContain('Sunny.')
        expect(BigInt(chat.end_time)).toBeGreaterThanOrEqual(BigInt(chat.start_time))

        expect(spanNamed(detail, 'execute_tool get_weather')).toMatchObject({
          parent_span_id: ids.agent,
          kind: 'TOOL',
        })
        expect(spanNamed(detail, 'chat gpt-4o')).toMatchObject({
          parent_span_id: ids.agent,
          kind: 'LLM',
          model_request: 'gpt-4o',
          status_code: 'ERROR',
          status_message: 'rate limited',
        })
      }
    },
    120_000,
  )
})
