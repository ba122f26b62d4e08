import { describe, expect, it } from 'vitest'
import { one, parsed } from './one.js'

// Dialects the captured fixtures do not cover: Vercel AI SDK, MLflow, Langfuse.

describe('Vercel AI SDK', () => {
  it('provider call span: model, provider, usage, messages, tool calls, telemetry metadata', () => {
    const row = one({
      'ai.operationId': 'ai.generateText.doGenerate',
      'ai.model.id': 'gpt-4o-mini',
      'ai.model.provider': 'openai.chat',
      'ai.response.model': 'gpt-4o-mini-2024-07-18',
      'ai.prompt.messages': JSON.stringify([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
      ]),
      'ai.response.text': '',
      'ai.response.toolCalls': JSON.stringify([
        { toolCallType: 'function', toolCallId: 'call_1', toolName: 'weather', args: '{"city":"Paris"}' },
      ]),
      'ai.response.finishReason': 'tool-calls',
      'ai.usage.promptTokens': 20n,
      'ai.usage.completionTokens': 5n,
      'ai.telemetry.metadata.sessionId': 's1',
      'ai.telemetry.metadata.userId': 'u1',
      'ai.telemetry.metadata.plan': 'pro',
      'gen_ai.system': 'openai.chat',
    })
    expect(row).toMatchObject({
      kind: 'LLM',
      model_request: 'gpt-4o-mini',
      model_response: 'gpt-4o-mini-2024-07-18',
      provider: 'openai',
      input_tokens: 20,
      output_tokens: 5,
      total_tokens: 25,
      session_id: 's1',
      user_id: 'u1',
      metadata: { plan: 'pro' },
    })
    expect(row.cost_usd).toBeCloseTo((20 * 0.15 + 5 * 0.6) / 1e6, 12)
    expect(parsed(row.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
    ])
    expect(parsed(row.output)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }],
        finish_reason: 'tool-calls',
      },
    ])
  })

  it('newer usage keys with cached and reasoning tokens', () => {
    const row = one({
      'ai.operationId': 'ai.streamText.doStream',
      'ai.model.id': 'o3-mini',
      'ai.usage.inputTokens': 1000n,
      'ai.usage.outputTokens': 200n,
      'ai.usage.cachedInputTokens': 400n,
      'ai.usage.reasoningTokens': 150n,
    })
    expect(row).toMatchObject({
      input_tokens: 1000,
      output_tokens: 200,
      cached_tokens: 400,
      reasoning_tokens: 150,
    })
    expect(row.cost_usd).toBeCloseTo((600 * 1.1 + 400 * 0.55 + 200 * 4.4) / 1e6, 12)
  })

  it('outer call span: prompt and text, but no tokens (its provider spans carry them)', () => {
    const row = one({
      'ai.operationId': 'ai.generateText',
      'ai.model.id': 'gpt-4o-mini',
      'ai.prompt': JSON.stringify({ system: 'Be brief.', prompt: 'Weather in Paris?' }),
      'ai.response.text': 'It is sunny.',
      'ai.usage.promptTokens': 20n,
      'ai.usage.completionTokens': 5n,
    })
    expect(row).toMatchObject({ kind: 'CHAIN', input_tokens: 0, cost_usd: 0 })
    expect(row.attributes['ai.usage.promptTokens']).toBe('20')
    expect(parsed(row.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris?' },
    ])
    expect(parsed(row.output)).toEqual([{ role: 'assistant', content: 'It is sunny.' }])
  })

  it('tool call and embedding spans', () => {
    const tool = one({
      'ai.operationId': 'ai.toolCall',
      'ai.toolCall.name': 'weather',
      'ai.toolCall.args': '{"city":"Paris"}',
      'ai.toolCall.result': '{"temp":18}',
    })
    expect(tool).toMatchObject({ kind: 'TOOL', input: '{"city":"Paris"}', output: '{"temp":18}' })
    const embed = one({
      'ai.operationId': 'ai.embedMany.doEmbed',
      'ai.model.id': 'text-embedding-3-small',
      'ai.values': ['hello', 'world'],
      'ai.usage.tokens': 3n,
    })
    expect(embed).toMatchObject({ kind: 'EMBEDDING', input_tokens: 3 })
    expect(parsed(embed.input)).toEqual(['hello', 'world'])
  })
})

describe('MLflow', () => {
  it('chat model span: JSON-encoded type, inputs/outputs, token usage, session and user', () => {
    const row = one({
      'mlflow.spanType': '"CHAT_MODEL"',
      'mlflow.spanInputs': JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }),
      'mlflow.spanOutputs': JSON.stringify({
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
      }),
      'mlflow.chat.tokenUsage': JSON.stringify({ input_tokens: 8, output_tokens: 2, total_tokens: 10 }),
      'mlflow.trace.session': '"sess-1"',
      'mlflow.trace.user': 'user-1',
    })
    expect(row).toMatchObject({
      kind: 'CHAT_MODEL',
      model_request: 'gpt-4o',
      input_tokens: 8,
      output_tokens: 2,
      total_tokens: 10,
      session_id: 'sess-1',
      user_id: 'user-1',
    })
    expect(row.cost_usd).toBeCloseTo((8 * 2.5 + 2 * 10) / 1e6, 12)
    expect(parsed(row.input)).toEqual([{ role: 'user', content: 'Hi' }])
    expect(parsed(row.output)).toEqual([{ role: 'assistant', content: 'Hello', finish_reason: 'stop' }])
  })

  it('retriever outputs become documents; other spans keep their JSON', () => {
    const retriever = one({
      'mlflow.spanType': '"RETRIEVER"',
      'mlflow.spanInputs': '"refund window"',
      'mlflow.spanOutputs': JSON.stringify([
        { page_content: 'Refunds within 30 days.', metadata: { source: 'a.md' }, id: 'd1' },
      ]),
    })
    expect(retriever.kind).toBe('RETRIEVER')
    expect(parsed(retriever.input)).toBe('refund window')
    expect(parsed(retriever.output)).toEqual([
      { id: 'd1', content: 'Refunds within 30 days.', score: null, metadata: { source: 'a.md' } },
    ])
    const chain = one({
      'mlflow.spanType': 'PARSER',
      'mlflow.spanInputs': '{"question":"q"}',
      'mlflow.spanOutputs': 'not json',
    })
    expect(chain).toMatchObject({ kind: 'CHAIN', input: '{"question":"q"}', output: '"not json"' })
  })
})

describe('Langfuse', () => {
  const generation = {
    'langfuse.observation.type': 'generation',
    'langfuse.observation.model.name': 'claude-sonnet-4-20250514',
    'langfuse.observation.input': JSON.stringify([{ role: 'user', content: 'Hi' }]),
    'langfuse.observation.output': JSON.stringify({ role: 'assistant', content: 'Hello' }),
    'langfuse.observation.usage_details': JSON.stringify({
      input: 100,
      output: 20,
      cache_read_input_tokens: 50,
    }),
    'langfuse.session.id': 'sess',
    'langfuse.user.id': 'user',
    'langfuse.trace.tags': ['beta', 'eu'],
    'langfuse.trace.metadata.plan': 'pro',
    'langfuse.observation.metadata.step': 2n,
    'langfuse.environment': 'staging',
    'langfuse.observation.prompt.name': 'greeting',
    'langfuse.observation.prompt.version': 3n,
  }

  it('generation: kind, model, usage, messages, session, tags, metadata, environment, prompt', () => {
    const row = one(generation)
    expect(row).toMatchObject({
      kind: 'LLM',
      model_request: 'claude-sonnet-4-20250514',
      input_tokens: 100,
      output_tokens: 20,
      cached_tokens: 50,
      session_id: 'sess',
      user_id: 'user',
      tags: { beta: '', eu: '' },
      metadata: { plan: 'pro', step: '2' },
      environment: 'staging',
      prompt_name: 'greeting',
      prompt_version: '3',
    })
    expect(parsed(row.output)).toEqual([{ role: 'assistant', content: 'Hello' }])
    expect(row.cost_usd).toBeCloseTo((50 * 3 + 50 * 0.3 + 20 * 15) / 1e6, 12)
  })

  it("the span's own cost details win over the price table", () => {
    const row = one({
      ...generation,
      'langfuse.observation.cost_details': JSON.stringify({ input: 0.25, output: 0.5 }),
    })
    expect(row.cost_usd).toBe(0.75)
    const total = one({ ...generation, 'langfuse.observation.cost_details': '{"input":1,"total":1.5}' })
    expect(total.cost_usd).toBe(1.5)
  })

  it('level ERROR marks the span as failed', () => {
    const row = one({
      'langfuse.observation.type': 'tool',
      'langfuse.observation.level': 'ERROR',
      'langfuse.observation.status_message': 'boom',
    })
    expect(row).toMatchObject({ kind: 'TOOL', status_code: 'ERROR', status_message: 'boom' })
  })
})
