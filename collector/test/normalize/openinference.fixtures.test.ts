import { describe, expect, it } from 'vitest'
import { DECODERS } from './decoders.js'
import { loadFixtures } from './fixtures.js'
import { json, runScenario, spanNamed } from './scenario.js'

const fixtures = loadFixtures().filter((f) => f.library === 'openinference')
const SYSTEM = 'You are a concise assistant used by an automated tracing test harness.'

describe.each(DECODERS)('openinference fixtures through %s', (_, decoder) => {
  const scenario = (name: string) =>
    runScenario(
      fixtures.filter((f) => f.scenario === name),
      decoder,
    )

  it('chat: LLM span with model, provider, tokens and flattened messages', () => {
    const s = scenario('chat')
    const span = spanNamed(s, 'OpenAI Chat Completions')
    expect(span).toMatchObject({
      kind: 'LLM',
      model_request: 'gpt-4o-mini',
      provider: 'openai',
      input_tokens: 40,
      output_tokens: 10,
      total_tokens: 50,
      cached_tokens: 0,
      status_code: 'OK',
    })
    expect(span.cost_usd).toBeGreaterThan(0)
    expect(json(span.input)).toEqual([
      { role: 'system', content: SYSTEM },
      { role: 'user', content: 'Say hello and name one color of the rainbow.' },
    ])
    expect(json(span.output)).toEqual([
      { role: 'assistant', content: 'Hello! One color of the rainbow is blue.' },
    ])
    expect(span.attributes['llm.token_count.prompt']).toBe('40')
  })

  it('stream: output from the streamed message', () => {
    const span = spanNamed(scenario('stream'), 'OpenAI Chat Completions')
    expect(json(span.output)).toEqual([{ role: 'assistant', content: 'One, two, three, four, five.' }])
  })

  it('tools: tool calls out, tool result in', () => {
    const s = scenario('tools')
    const spans = s.spans.filter((r) => r.name === 'OpenAI Chat Completions')
    const call = {
      id: 'call_7e53a7be6271b239a0578a1e',
      name: 'get_weather',
      arguments: '{"location":"Paris","unit":"celsius"}',
    }
    const first = spans.find((r) => r.output.includes('tool_calls'))!
    const second = spans.find((r) => r !== first)!
    expect(json(first.output)).toEqual([{ role: 'assistant', content: null, tool_calls: [call] }])
    const input = json(second.input) as unknown[]
    expect(input[2]).toEqual({ role: 'assistant', content: null, tool_calls: [call] })
    expect(input[3]).toMatchObject({ role: 'tool', tool_call_id: call.id })
  })

  it('rag: embedding input, retrieved documents, chain text', () => {
    const s = scenario('rag')
    const embedding = spanNamed(s, 'OpenAI Embeddings')
    expect(embedding).toMatchObject({ kind: 'EMBEDDING', model_request: 'text-embedding-3-small' })
    expect(json(embedding.input)).toBe('What is the refund window for annual plans?')
    // The vector is kept raw, every component, as JSON.
    expect(
      (JSON.parse(embedding.attributes['embedding.embeddings.0.embedding.vector']!) as number[]).length,
    ).toBeGreaterThan(100)
    const retriever = spanNamed(s, 'retrieve')
    expect(retriever.kind).toBe('RETRIEVER')
    expect(json(retriever.output)).toEqual([
      {
        id: 'doc-refund-001',
        content: 'Annual plans can be refunded in full within 30 days of purchase.',
        score: 0.6667,
        metadata: { source: 'kb/billing.md', section: 'refunds' },
      },
      {
        id: 'doc-refund-002',
        content: 'Monthly plans are not refundable, but can be cancelled at any time.',
        score: 0.5769,
        metadata: { source: 'kb/billing.md', section: 'refunds' },
      },
    ])
    const chain = spanNamed(s, 'rag-pipeline')
    expect(chain.kind).toBe('CHAIN')
    expect(json(chain.output)).toBe(
      'Annual plans can be refunded in full within 30 days of purchase [doc-refund-001].',
    )
  })

  it('error: ERROR status on the chain span, exception event kept', () => {
    const s = scenario('error')
    const span = spanNamed(s, 'llm-call-that-fails')
    expect(span).toMatchObject({ kind: 'CHAIN', status_code: 'ERROR' })
    expect(span.status_message).toMatch(/^400 Invalid value/)
    const event = s.events.find((e) => e.name === 'exception')!
    expect(event).toMatchObject({ source: 'span_event', span_id: span.span_id, body: '' })
    expect(event.attributes['exception.type']).toBe('invalid_value')
  })

  it('session: session, user, metadata and tags', () => {
    for (const span of scenario('session').spans) {
      expect(span).toMatchObject({
        session_id: 'harness-session-0001',
        user_id: 'harness-user-42',
        metadata: { tenant: 'acme', plan: 'pro', harness_run: 'capture' },
        tags: { harness: '', 'session-test': '' },
      })
    }
  })

  it('responses: output text from message contents', () => {
    const span = spanNamed(scenario('responses'), 'OpenAI Responses')
    expect(span).toMatchObject({ kind: 'LLM', input_tokens: 40, output_tokens: 10 })
    expect(json(span.output)).toEqual([
      { role: 'assistant', content: 'Hello! One color of the rainbow is blue.' },
    ])
  })
})
