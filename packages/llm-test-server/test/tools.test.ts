// Agent loops need two turns: a tool call whose arguments fit the tool's schema, then
// a text answer once the tool's result is in the conversation.
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import { describe, expect, it } from 'vitest'
import { useServer } from './harness.js'

const t = useServer()
const tools: ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
        required: ['city', 'unit'],
      },
    },
  },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
]
const question: ChatCompletionMessageParam = { role: 'user', content: 'Weather in Paris?' }

describe('tool calls', () => {
  it('calls the first tool with arguments generated from its schema', async () => {
    const completion = await t.client().chat.completions.create({ model: 'm', messages: [question], tools })
    const choice = completion.choices[0]!
    expect(choice.finish_reason).toBe('tool_calls')
    expect(choice.message.content).toBeNull()
    const call = choice.message.tool_calls?.[0]
    expect(call?.type === 'function' && call.function.name).toBe('get_weather')
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'test city',
      unit: 'celsius',
    })
  })

  it('calls the tool that tool_choice names, and streams it whole', async () => {
    const stream = t.client().chat.completions.stream({
      model: 'm',
      messages: [question],
      tools,
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    })
    const final = await stream.finalChatCompletion()
    const call = final.choices[0]?.message.tool_calls?.[0]
    expect(call?.type === 'function' && call.function).toMatchObject({ name: 'get_time', arguments: '{}' })
  })

  it('answers in text after a tool result', async () => {
    const first = await t.client().chat.completions.create({ model: 'm', messages: [question], tools })
    const call = first.choices[0]!.message.tool_calls![0]!
    const second = await t.client().chat.completions.create({
      model: 'm',
      tools,
      messages: [
        question,
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: call.id, content: '18 degrees' },
      ],
    })
    expect(second.choices[0]?.finish_reason).toBe('stop')
    expect(second.choices[0]?.message.content).toBe('Hello! You said: Weather in Paris?')
  })

  it('answers in text when tool_choice is none', async () => {
    const completion = await t.client().chat.completions.create({
      model: 'm',
      messages: [question],
      tools,
      tool_choice: 'none',
    })
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined()
  })
})
