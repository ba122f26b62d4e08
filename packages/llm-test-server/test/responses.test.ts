// The Responses API in its basic forms: text, streamed text rebuilt by the client's
// stream helper (which checks event order), function calls and JSON schema output.
import { describe, expect, it } from 'vitest'
import { useServer } from './harness.js'

const t = useServer()

describe('responses', () => {
  it('answers text with usage', async () => {
    const response = await t
      .client()
      .responses.create({ model: 'gpt-4o', instructions: 'Be brief.', input: 'Hi there' })
    expect(response.status).toBe('completed')
    expect(response.output_text).toBe('Hello! You said: Hi there')
    expect(response.usage).toMatchObject({ input_tokens: 5, output_tokens: 7, total_tokens: 12 })
  })

  it('streams events the client rebuilds into the same response', async () => {
    const stream = t
      .client()
      .responses.stream({ model: 'gpt-4o', input: [{ role: 'user', content: 'Stream this' }] })
    const deltas: string[] = []
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta))
    const final = await stream.finalResponse()
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.join('')).toBe('Hello! You said: Stream this')
    expect(final.output_text).toBe('Hello! You said: Stream this')
  })

  it('calls a function, then answers its output in text', async () => {
    const tools = [
      {
        type: 'function' as const,
        name: 'lookup',
        strict: true,
        parameters: {
          type: 'object',
          properties: { q: { type: 'string' } },
          required: ['q'],
          additionalProperties: false,
        },
      },
    ]
    const first = await t.client().responses.create({ model: 'm', input: 'Find it', tools })
    const call = first.output[0]
    expect(call?.type === 'function_call' && [call.name, JSON.parse(call.arguments)]).toEqual([
      'lookup',
      { q: 'test q' },
    ])
    const second = await t.client().responses.create({
      model: 'm',
      tools,
      input: [
        { role: 'user', content: 'Find it' },
        {
          type: 'function_call_output',
          call_id: call?.type === 'function_call' ? call.call_id : '',
          output: 'found',
        },
      ],
    })
    expect(second.output_text).toBe('Hello! You said: Find it')

    const streamed = await t
      .client()
      .responses.stream({ model: 'm', input: 'Find it', tools })
      .finalResponse()
    expect(streamed.output[0]).toMatchObject({
      type: 'function_call',
      name: 'lookup',
      arguments: '{"q":"test q"}',
    })
  })

  it('answers an instance of a JSON schema in text.format', async () => {
    const response = await t.client().responses.create({
      model: 'm',
      input: 'Grade it',
      text: {
        format: {
          type: 'json_schema',
          name: 'grade',
          schema: { type: 'object', properties: { score: { type: 'integer', minimum: 1, maximum: 5 } } },
        },
      },
    })
    expect(JSON.parse(response.output_text)).toEqual({ score: 1 })
  })
})
