import { describe, expect, it } from 'vitest'
import { DECODERS } from './decoders.js'
import { loadFixtures } from './fixtures.js'
import { json, runScenario, spanNamed } from './scenario.js'

const fixtures = loadFixtures().filter((f) => f.library === 'traceloop')
const SYSTEM = 'You are a concise assistant used by an automated tracing test harness.'

describe.each(DECODERS)('traceloop fixtures through %s', (_, decoder) => {
  const scenario = (name: string) =>
    runScenario(
      fixtures.filter((f) => f.scenario === name),
      decoder,
    )

  it('chat: GenAI messages from JSON attributes', () => {
    const span = spanNamed(scenario('chat'), 'chat gpt-4o-mini')
    expect(span).toMatchObject({
      kind: 'LLM',
      provider: 'openai',
      model_response: 'gpt-4o-mini',
      input_tokens: 40,
      output_tokens: 10,
      total_tokens: 50,
      service_name: 'harness-traceloop',
    })
    expect(json(span.input)).toEqual([
      { role: 'system', content: SYSTEM },
      { role: 'user', content: 'Say hello and name one color of the rainbow.' },
    ])
    expect(json(span.output)).toEqual([
      { role: 'assistant', content: 'Hello! One color of the rainbow is blue.', finish_reason: 'stop' },
    ])
  })

  it('stream: usage', () => {
    expect(spanNamed(scenario('stream'), 'chat gpt-4o-mini')).toMatchObject({
      input_tokens: 21,
      output_tokens: 10,
    })
  })

  it('tools: agent and tool spans with entity input/output, structured tool-call arguments', () => {
    const s = scenario('tools')
    expect(spanNamed(s, 'weather-agent.agent').kind).toBe('AGENT')
    const tool = spanNamed(s, 'get_weather.tool')
    expect(tool.kind).toBe('TOOL')
    expect(json(tool.input)).toEqual({ args: [], kwargs: { location: 'Paris', unit: 'celsius' } })
    expect(json(tool.output)).toMatchObject({ temperature: 18 })
    const first = s.spans.find((r) => r.name === 'chat gpt-4o-mini' && r.input_tokens === 122)!
    expect(json(first.output)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_7e53a7be6271b239a0578a1e',
            name: 'get_weather',
            arguments: '{"location":"Paris","unit":"celsius"}',
          },
        ],
        finish_reason: 'tool_call',
      },
    ])
  })

  it('rag: retrieval results from span events become a retriever output', () => {
    const s = scenario('rag')
    const query = spanNamed(s, 'harness-kb.query')
    expect(query.kind).toBe('RETRIEVER')
    expect(json(query.output)).toEqual([
      expect.objectContaining({
        id: 'doc-refund-001',
        score: 0.6667,
        metadata: { source: 'kb/billing.md', section: 'refunds' },
      }),
      expect.objectContaining({ id: 'doc-refund-002', score: 0.5769 }),
    ])
    expect(spanNamed(s, 'retrieve.task')).toMatchObject({ kind: 'CHAIN' })
    expect(json(spanNamed(s, 'retrieve.task').input)).toEqual({
      args: ['What is the refund window for annual plans?'],
      kwargs: {},
    })
    expect(json(spanNamed(s, 'rag-pipeline.workflow').output)).toBe(
      'Annual plans can be refunded in full within 30 days of purchase [doc-refund-001].',
    )
  })

  it('error: a span without attributes, ERROR status', () => {
    const span = spanNamed(scenario('error'), 'llm-call-that-fails')
    expect(span).toMatchObject({ status_code: 'ERROR', attributes: {} })
    expect(span.status_message).toMatch(/^400 Invalid value/)
  })

  it('session: association properties → session, user, metadata on every span', () => {
    for (const span of scenario('session').spans) {
      expect(span).toMatchObject({
        session_id: 'harness-session-0001',
        user_id: 'harness-user-42',
        metadata: { tenant: 'acme' },
      })
    }
  })

  it('responses', () => {
    const span = spanNamed(scenario('responses'), 'chat gpt-4o-mini')
    expect(json(span.input)).toEqual([
      { role: 'user', content: 'Say hello and name one color of the rainbow.' },
    ])
  })
})
