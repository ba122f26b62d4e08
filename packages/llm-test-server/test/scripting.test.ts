// Tests steer the server per request: responders and rules by model or marker,
// one-shot plans, and counts of what arrived (a judge cache's proof is "zero calls
// the second time, counted at the server").
import { describe, expect, it } from 'vitest'
import { useServer } from './harness.js'

const t = useServer()
const ask = (content: string, model = 'm') => ({ model, messages: [{ role: 'user' as const, content }] })
const text = async (content: string, model?: string) =>
  (await t.client().chat.completions.create(ask(content, model))).choices[0]?.message.content

describe('scripting', () => {
  it('asks a responder, which may pass by returning undefined', async () => {
    t.server.script((req) => (req.model === 'judge' ? { content: `judged: ${req.lastUserText}` } : undefined))
    expect(await text('a', 'judge')).toBe('judged: a')
    expect(await text('a', 'other')).toBe('Hello! You said: a')
  })

  it('applies rules by model and marker, a limited number of times', async () => {
    t.server.script({ model: /^gpt-/, reply: { content: 'gpt rule' } })
    t.server.script({ marker: '[[judge:safety]]', reply: { content: 'safe' }, times: 1 })
    expect(await text('x', 'gpt-4o')).toBe('gpt rule')
    expect(await text('[[judge:safety]] x')).toBe('safe')
    expect(await text('[[judge:safety]] x')).toBe('Hello! You said: x')
  })

  it('merges plans: queued over scripted over markers', async () => {
    t.server.script({ reply: { content: 'scripted' } })
    t.server.once({ content: 'queued' })
    expect(await text('[[reply:marker]]')).toBe('queued')
    expect(await text('[[reply:marker]]')).toBe('scripted')
    const remove = t.server.script(() => undefined)
    remove()
    t.server.reset()
    expect(await text('[[reply:marker]]')).toBe('marker')
  })

  it('counts calls per path, and forgets them on reset', async () => {
    await text('a')
    await t.client().embeddings.create({ model: 'e', input: 'a' })
    await t.client().models.list()
    expect(t.server.callCount()).toBe(3)
    expect(t.server.callCount('/v1/chat/completions')).toBe(1)
    expect(t.server.callCount('embeddings')).toBe(1)
    t.server.reset()
    expect(t.server.callCount()).toBe(0)
    expect(t.server.calls).toEqual([])
  })

  it('records the peak number of requests in flight', async () => {
    const client = t.client()
    await Promise.all([1, 2, 3].map(() => client.chat.completions.create(ask('[[delay:100]]'))))
    expect(t.server.maxConcurrent).toBe(3)
  })
})
