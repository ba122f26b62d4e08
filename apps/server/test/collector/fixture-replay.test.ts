/**
 * Every captured real-client export (collector/test/fixtures/otlp) replayed
 * as it was sent — path, content type, gzip, chunked without Content-Length —
 * then each scenario's trace read back through the API. Metrics exports are
 * skipped: Assay has no /v1/metrics route (metrics are not its data).
 */
import type { SpanRow } from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTrace, listAllTraces, type TraceDetail, windowAround } from './helpers/api.js'
import { loadCapturedExports } from './helpers/fixtures.js'
import { post } from './helpers/http.js'
import { START_TIMEOUT_MS, startTestServer, type TestServer } from './helpers/server.js'

const captured = loadCapturedExports()
const replayed = captured.filter((f) => f.signal !== 'metrics')
const clients = [...new Set(replayed.map((f) => f.client))].sort()
const scenarios = ['chat', 'stream', 'tools', 'rag', 'error', 'session', 'responses'] as const
type Scenario = (typeof scenarios)[number]

/** [input, output] tokens of a scenario's LLM calls, by client (from the captures). */
const genAiTokens: Record<Scenario, [number, number][]> = {
  chat: [[40, 10]],
  stream: [[37, 7]],
  tools: [
    [122, 20],
    [187, 10],
  ],
  rag: [[100, 21]],
  error: [],
  session: [[71, 20]],
  responses: [[40, 10]],
}
function expectedTokens(client: string, scenario: Scenario): [number, number][] {
  // OpenInference does not record usage of a streamed call; OpenLLMetry counts it itself.
  if (scenario === 'stream' && client === 'openinference') return [[0, 0]]
  if (scenario === 'stream' && client === 'traceloop') return [[21, 10]]
  return genAiTokens[scenario]
}
/** Span kinds each scenario must show, besides LLM. */
const expectedKinds: Record<Scenario, string[]> = {
  chat: [],
  stream: [],
  tools: ['AGENT', 'TOOL'],
  rag: ['RETRIEVER'],
  error: [],
  session: [],
  responses: [],
}

let server: TestServer
const traces = new Map<string, TraceDetail>()

beforeAll(async () => {
  server = await startTestServer('fixtures')
}, START_TIMEOUT_MS)
afterAll(() => server?.dispose(), 120_000)

describe('fixture replay', () => {
  it('notes the metrics captures it skips', () => {
    const skipped = captured.filter((f) => f.signal === 'metrics')
    console.info(`skipping ${skipped.length} metrics exports (no /v1/metrics in Assay)`)
    expect(replayed.length).toBeGreaterThan(50)
  })

  it.each(replayed.map((f) => [f.name, f] as const))(
    'POST %s as sent gets 200',
    async (_, f) => {
      const res = await post(server.url, f.path, {
        contentType: f.contentType,
        body: f.body,
        gzip: f.contentEncoding === 'gzip',
      })
      expect(res.status, res.body.toString()).toBe(200)
      expect(res.headers['content-type']).toContain(f.contentType.split(';')[0])
    },
    60_000,
  )

  describe.each(clients)('%s', (client) => {
    it.each(scenarios)(
      '%s: trace read back with kinds, model, tokens, input and output',
      async (scenario) => {
        const exports = replayed.filter((f) => f.client === client && f.scenario === scenario)
        expect(exports.length).toBeGreaterThan(0)
        const traceIds = [...new Set(exports.flatMap((f) => f.traceIds))]
        expect(traceIds).toHaveLength(1)
        const detail = await getTrace(server.url, traceIds[0]!)
        expect(detail, `trace ${traceIds[0]} of ${client}/${scenario}`).not.toBeNull()
        traces.set(`${client}/${scenario}`, detail!)
        const spans = detail!.spans
        expect(new Set(spans.map((s) => s.span_id)).size).toBe(spans.length)
        // Every parent link points into the trace (these captures are complete traces).
        const ids = new Set(spans.map((s) => s.span_id))
        for (const s of spans) if (s.parent_span_id) expect(ids).toContain(s.parent_span_id)
        expect(spans.filter((s) => s.parent_span_id === '')).toHaveLength(1)

        if (scenario === 'error') {
          expect(spans.some((s) => s.status_code === 'ERROR')).toBe(true)
          const window = windowAround(spans[0]!.start_time)
          const summary = (await listAllTraces(server.url, window)).find((t) => t.trace_id === traceIds[0])
          expect(summary?.status_code).toBe('ERROR')
          return
        }
        const llm = spans.filter((s) => s.kind === 'LLM').sort(byInputTokens)
        const tokens = expectedTokens(client, scenario)
        expect(llm.map((s) => [s.input_tokens, s.output_tokens])).toEqual(tokens)
        for (const span of llm) {
          expect(span.model_request || span.model_response).toMatch(/^gpt-4o-mini/)
          expect(span.provider).toBe('openai')
          // For otel-genai* the messages arrive only as log records on /v1/logs.
          expect(span.input, `input of ${span.name}`).not.toBe('')
          expect(span.output, `output of ${span.name}`).not.toBe('')
        }
        const kinds = new Set(spans.map((s) => s.kind))
        for (const kind of expectedKinds[scenario]) expect(kinds).toContain(kind)
        if (scenario === 'rag' && client !== 'traceloop') {
          expect(spans.find((s) => s.kind === 'EMBEDDING')?.model_request).toBe('text-embedding-3-small')
        }
        if (scenario === 'session') {
          for (const s of spans)
            expect(s).toMatchObject({ session_id: 'harness-session-0001', user_id: 'harness-user-42' })
        }
      },
      60_000,
    )
  })

  it('is also served under /api/public/otel/v1/..., and takes a charset parameter', async () => {
    for (const signal of ['traces', 'logs'] as const) {
      const f = replayed.find((x) => x.client === 'otel-genai' && x.signal === signal)!
      const viaPrefix = await post(server.url, `/api/public/otel${f.path}`, {
        contentType: f.contentType,
        body: f.body,
      })
      expect(viaPrefix.status, `/api/public/otel${f.path}`).toBe(200)
      const withCharset = await post(server.url, f.path, {
        contentType: 'Application/JSON; charset=utf-8',
        body: f.body,
      })
      expect(withCharset.status).toBe(200)
    }
  })

  it('replaying every export again changes nothing (retries are harmless)', async () => {
    for (const f of replayed) {
      const res = await post(server.url, f.path, {
        contentType: f.contentType,
        body: f.body,
        gzip: f.contentEncoding === 'gzip',
      })
      expect(res.status).toBe(200)
    }
    for (const [name, before] of traces) {
      const after = await getTrace(server.url, before.trace_id)
      expect(after!.spans.map(stable), name).toEqual(before.spans.map(stable))
      // Span events and GenAI log records are not doubled either.
      expect(after!.events.length, `${name} events`).toBe(before.events.length)
    }
  }, 180_000)
})

const byInputTokens = (a: SpanRow, b: SpanRow) => a.input_tokens - b.input_tokens
const stable = (s: SpanRow) => [
  s.span_id,
  s.kind,
  s.input_tokens,
  s.output_tokens,
  s.input.length,
  s.output.length,
]
