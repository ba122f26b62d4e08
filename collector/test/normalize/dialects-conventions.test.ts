import { describe, expect, it } from 'vitest'
import { DIALECTS } from '../../src/normalize/index.js'
import { one, parsed } from './one.js'

describe('OpenTelemetry GenAI (current keys)', () => {
  it('parts messages with system instructions, cached and reasoning tokens, conversation id', () => {
    const row = one({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-5',
      'gen_ai.response.model': 'gpt-5-2025-08-07',
      'gen_ai.usage.input_tokens': 1000n,
      'gen_ai.usage.output_tokens': 500n,
      'gen_ai.usage.cache_read.input_tokens': 800n,
      'gen_ai.usage.reasoning.output_tokens': 300n,
      'gen_ai.conversation.id': 'conv-1',
      'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'Be brief.' }]),
      'gen_ai.input.messages': JSON.stringify([
        {
          role: 'user',
          parts: [
            { type: 'text', content: 'Hi' },
            { type: 'uri', uri: 'https://x/y.png', modality: 'image' },
          ],
        },
      ]),
      'gen_ai.output.messages': JSON.stringify([
        {
          role: 'assistant',
          parts: [
            { type: 'reasoning', content: 'thinking' },
            { type: 'tool_call', id: 'c1', name: 'lookup', arguments: { q: 'x' } },
          ],
          finish_reason: 'tool_call',
        },
      ]),
    })
    expect(row).toMatchObject({
      kind: 'LLM',
      provider: 'openai',
      model_request: 'gpt-5',
      model_response: 'gpt-5-2025-08-07',
      cached_tokens: 800,
      reasoning_tokens: 300,
      total_tokens: 1500,
      session_id: 'conv-1',
    })
    expect(row.cost_usd).toBeCloseTo((200 * 1.25 + 800 * 0.125 + 500 * 10) / 1e6, 12)
    expect(parsed(row.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hi' },
          { type: 'uri', uri: 'https://x/y.png', modality: 'image' },
        ],
      },
    ])
    expect(parsed(row.output)).toEqual([
      {
        role: 'assistant',
        content: [{ type: 'reasoning', text: 'thinking' }],
        tool_calls: [{ id: 'c1', name: 'lookup', arguments: '{"q":"x"}' }],
        finish_reason: 'tool_call',
      },
    ])
  })

  it('tool execution: arguments and result; own cost wins', () => {
    const row = one({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'lookup',
      'gen_ai.tool.call.arguments': '{"q":"x"}',
      'gen_ai.tool.call.result': 'found',
      'gen_ai.usage.cost': 0.01,
    })
    expect(row).toMatchObject({ kind: 'TOOL', input: '{"q":"x"}', output: '"found"', cost_usd: 0.01 })
  })

  it('system instructions alone do not make an input (messages may arrive as log records)', () => {
    const row = one({ 'gen_ai.operation.name': 'chat', 'gen_ai.system_instructions': 'Be brief.' })
    expect(row.input).toBe('')
  })
})

describe('OpenTelemetry GenAI (older indexed keys)', () => {
  it('gen_ai.prompt.N / gen_ai.completion.N with tool calls, in index order', () => {
    const row = one({
      'gen_ai.system': 'Anthropic',
      'gen_ai.request.model': 'claude-3-5-haiku-20241022',
      'llm.request.type': 'chat',
      'gen_ai.prompt.10.role': 'user',
      'gen_ai.prompt.10.content': 'eleventh',
      'gen_ai.prompt.0.role': 'system',
      'gen_ai.prompt.0.content': 'Be brief',
      'gen_ai.prompt.2.role': 'tool',
      'gen_ai.prompt.2.content': '42',
      'gen_ai.prompt.2.tool_call_id': 't0',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': 'Hello',
      'gen_ai.completion.0.finish_reason': 'tool_use',
      'gen_ai.completion.0.tool_calls.0.id': 't1',
      'gen_ai.completion.0.tool_calls.0.name': 'lookup',
      'gen_ai.completion.0.tool_calls.0.arguments': '{"q":1}',
      'gen_ai.usage.prompt_tokens': 12,
      'gen_ai.usage.completion_tokens': 3.0,
    })
    expect(row).toMatchObject({ kind: 'LLM', provider: 'anthropic', input_tokens: 12, output_tokens: 3 })
    expect(parsed(row.input)).toEqual([
      { role: 'system', content: 'Be brief' },
      { role: 'tool', content: '42', tool_call_id: 't0' },
      { role: 'user', content: 'eleventh' },
    ])
    expect(parsed(row.output)).toEqual([
      {
        role: 'assistant',
        content: 'Hello',
        tool_calls: [{ id: 't1', name: 'lookup', arguments: '{"q":1}' }],
        finish_reason: 'tool_use',
      },
    ])
    expect(row.cost_usd).toBeCloseTo((12 * 0.8 + 3 * 4) / 1e6, 12)
  })
})

describe("Assay's own keys", () => {
  it('fill every field they name', () => {
    const row = one(
      {
        'assay.span.kind': 'retriever',
        'assay.model.id': 'm-1',
        'assay.session.id': 's',
        'assay.user.id': 'u',
        'assay.prompt.name': 'qa',
        'assay.prompt.version': 3n,
        'assay.tags': Object.assign(Object.create(null), { team: 'core' }),
        'assay.metadata.plan': 'pro',
        'assay.metadata.n': 5n,
        'assay.environment': 'prod',
        'assay.input': 'plain question',
        'assay.output': Object.assign(Object.create(null), { answer: 'a', n: 1n }),
        'assay.cost_usd': '0.5',
      },
      { 'service.name': 'svc', 'deployment.environment.name': 'dev' },
    )
    expect(row).toMatchObject({
      kind: 'RETRIEVER',
      model_id: 'm-1',
      session_id: 's',
      user_id: 'u',
      prompt_name: 'qa',
      prompt_version: '3',
      tags: { team: 'core' },
      metadata: { plan: 'pro', n: '5' },
      environment: 'prod',
      input: '"plain question"',
      cost_usd: 0.5,
    })
    expect(parsed(row.output)).toEqual({ answer: 'a', n: 1 })
    expect(one({ 'assay.tags': '["a","b"]' }).tags).toEqual({ a: '', b: '' })
  })

  it('win over every other dialect (precedence)', () => {
    const row = one({
      'assay.span.kind': 'TOOL',
      'assay.input': '{"x":1}',
      'openinference.span.kind': 'LLM',
      'input.value': 'other',
      'gen_ai.operation.name': 'chat',
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
    })
    expect(row).toMatchObject({ kind: 'TOOL', input: '{"x":1}' })
    expect(DIALECTS.map((d) => d.name)).toEqual([
      'assay',
      'langfuse',
      'mlflow',
      'openinference',
      'vercel-ai',
      'openllmetry',
      'gen-ai',
      'gen-ai-legacy',
    ])
  })

  it('resource deployment.environment is the fallback environment', () => {
    expect(one({}, { 'service.name': 's', 'deployment.environment.name': 'dev' }).environment).toBe('dev')
    expect(one({}, { 'deployment.environment': 'old' })).toMatchObject({
      environment: 'old',
      service_name: '',
    })
  })
})
