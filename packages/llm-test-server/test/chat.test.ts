// Plain and streamed chat completions must agree: the same deterministic text and the
// same usage, because instrumentations record either and tests compare them.
import { describe, expect, it } from 'vitest'
import { useServer } from './harness.js'

const t = useServer()
const messages = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'What is the capital of France?' },
]

describe('chat completions', () => {
  it('answers deterministically with usage, and records the request', async () => {
    const completion = await t.client().chat.completions.create({ model: 'gpt-4o-mini', messages })
    expect(completion.model).toBe('gpt-4o-mini')
    expect(completion.choices[0]?.message.content).toBe('Hello! You said: What is the capital of France?')
    expect(completion.choices[0]?.finish_reason).toBe('stop')
    expect(completion.usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 12, total_tokens: 22 })

    const [call] = t.server.calls
    expect(call).toMatchObject({ method: 'POST', path: '/v1/chat/completions', status: 200 })
    expect(call?.headers.authorization).toBe('Bearer test')
    expect(call?.body).toMatchObject({ model: 'gpt-4o-mini', messages })
  })

  it('streams the same text in several chunks, then a usage chunk', async () => {
    const plain = await t.client().chat.completions.create({ model: 'gpt-4o-mini', messages })
    const stream = await t.client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    })
    let text = ''
    let contentChunks = 0
    let usage: unknown
    let finish: string | null | undefined
    for await (const chunk of stream) {
      const choice = chunk.choices[0]
      if (choice?.delta.content) {
        text += choice.delta.content
        contentChunks++
      }
      finish = choice?.finish_reason ?? finish
      if (chunk.usage) usage = chunk.usage
    }
    expect(text).toBe(plain.choices[0]?.message.content)
    expect(contentChunks).toBeGreaterThan(3)
    expect(finish).toBe('stop')
    expect(usage).toEqual(plain.usage)
  })

  it('sends no usage chunk unless asked', async () => {
    const stream = await t.client().chat.completions.create({ model: 'm', messages, stream: true })
    for await (const chunk of stream) expect(chunk.usage ?? undefined).toBeUndefined()
  })
})
