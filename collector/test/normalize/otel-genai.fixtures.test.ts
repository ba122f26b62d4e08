import { describe, expect, it } from 'vitest'
import { DECODERS } from './decoders.js'
import { loadFixtures } from './fixtures.js'
import { json, runScenario, spanNamed } from './scenario.js'

const all = loadFixtures()
const SYSTEM = 'You are a concise assistant used by an automated tracing test harness.'

describe.each(['otel-genai', 'otel-genai-proto', 'otel-genai-proto-gzip'])('%s fixtures', (library) => {
  describe.each(DECODERS)('through %s', (_, decoder) => {
    const scenario = (name: string) =>
      runScenario(
        all.filter((f) => f.library === library && f.scenario === name),
        decoder,
      )

    it('chat: model call with tokens, cost, and messages from log records', () => {
      const s = scenario('chat')
      expect(s.rejected).toBe(0)
      const span = spanNamed(s, 'chat gpt-4o-mini')
      expect(span).toMatchObject({
        kind: 'LLM',
        model_request: 'gpt-4o-mini',
        model_response: 'gpt-4o-mini',
        provider: 'openai',
        input_tokens: 40,
        output_tokens: 10,
        total_tokens: 50,
        service_name: `harness-${library}`,
        scope_name: '@opentelemetry/instrumentation-openai',
        status_code: 'UNSET',
      })
      expect(span.cost_usd).toBeCloseTo((40 * 0.15 + 10 * 0.6) / 1e6, 12)
      expect(span.attributes['gen_ai.request.max_tokens']).toBe('128')
      expect(span.attributes['gen_ai.response.finish_reasons']).toBe('["stop"]')
      expect(json(span.input)).toEqual([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Say hello and name one color of the rainbow.' },
      ])
      expect(json(span.output)).toEqual([
        { role: 'assistant', content: 'Hello! One color of the rainbow is blue.', finish_reason: 'stop' },
      ])
      const logs = s.events.filter((e) => e.source === 'log')
      expect(logs.map((e) => e.name)).toEqual([
        'gen_ai.system.message',
        'gen_ai.user.message',
        'gen_ai.choice',
      ])
      expect(json(logs[0]!.body)).toEqual({ content: SYSTEM })
    })

    it('stream: usage of a streamed call', () => {
      const span = spanNamed(scenario('stream'), 'chat gpt-4o-mini')
      expect(span).toMatchObject({ kind: 'LLM', input_tokens: 37, output_tokens: 7, total_tokens: 44 })
      expect(json(span.output)).toEqual([
        { role: 'assistant', content: 'One, two, three, four, five.', finish_reason: 'stop' },
      ])
    })

    it('tools: agent, tool and the tool-call round trip in messages', () => {
      const s = scenario('tools')
      expect(spanNamed(s, 'invoke_agent weather-agent')).toMatchObject({ kind: 'AGENT', provider: 'openai' })
      expect(spanNamed(s, 'execute_tool get_weather').kind).toBe('TOOL')
      const call = {
        id: 'call_7e53a7be6271b239a0578a1e',
        name: 'get_weather',
        arguments: '{"location":"Paris","unit":"celsius"}',
      }
      const first = spanNamed(s, 'chat gpt-4o-mini', 0)
      const second = spanNamed(s, 'chat gpt-4o-mini', 1)
      const [a, b] = first.input_tokens === 122 ? [first, second] : [second, first]
      expect(json(a!.output)).toEqual([
        { role: 'assistant', content: null, tool_calls: [call], finish_reason: 'tool_calls' },
      ])
      expect(json(b!.input)).toEqual([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'What is the weather like in Paris today?' },
        { role: 'assistant', content: null, tool_calls: [call] },
        {
          role: 'tool',
          tool_call_id: call.id,
          content: '{"location":"Paris","unit":"celsius","temperature":18,"condition":"sunny"}',
        },
      ])
    })

    it('rag: embedding, retriever and chain kinds', () => {
      const s = scenario('rag')
      expect(spanNamed(s, 'embeddings text-embedding-3-small')).toMatchObject({
        kind: 'EMBEDDING',
        input_tokens: 11,
        model_request: 'text-embedding-3-small',
      })
      expect(spanNamed(s, 'embeddings text-embedding-3-small').cost_usd).toBeCloseTo((11 * 0.02) / 1e6, 12)
      expect(spanNamed(s, 'retrieve kb-billing').kind).toBe('RETRIEVER')
      expect(spanNamed(s, 'rag-pipeline')).toMatchObject({ kind: 'UNKNOWN', parent_span_id: '' })
      expect(spanNamed(s, 'chat gpt-4o-mini')).toMatchObject({ input_tokens: 100, output_tokens: 21 })
    })

    it('error: status and message kept, input still attached', () => {
      const span = spanNamed(scenario('error'), 'chat error-400')
      expect(span.status_code).toBe('ERROR')
      expect(span.status_message).toMatch(/^400 Invalid value for 'model'/)
      expect(span.cost_usd).toBe(0)
      expect(json(span.input)).toEqual([{ role: 'user', content: 'This request is expected to fail.' }])
    })

    it('session: conversation id, session and user reach every span of the trace', () => {
      const s = scenario('session')
      for (const span of s.spans) {
        expect(span).toMatchObject({ session_id: 'harness-session-0001', user_id: 'harness-user-42' })
      }
      const chat = spanNamed(s, 'chat gpt-4o-mini')
      expect((json(chat.input) as unknown[]).length).toBe(4)
      expect(spanNamed(s, 'conversation-turn').attributes['app.tenant']).toBe('acme')
    })

    it('responses: messages from the operation-details log records', () => {
      const span = spanNamed(scenario('responses'), 'chat gpt-4o-mini')
      expect(span).toMatchObject({ provider: 'openai', input_tokens: 40, output_tokens: 10 })
      expect(json(span.input)).toEqual([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Say hello and name one color of the rainbow.' },
      ])
      expect(json(span.output)).toEqual([
        { role: 'assistant', content: 'Hello! One color of the rainbow is blue.', finish_reason: 'stop' },
      ])
    })
  })
})
