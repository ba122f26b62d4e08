// Judges ask for structured output and validate it; the default answer must pass
// that validation for any schema, and markers must break it in the ways judges
// have to survive (a missing rationale, JSON that does not parse).
import { zodResponseFormat } from 'openai/helpers/zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useServer } from './harness.js'

const t = useServer()
const Verdict = z.object({
  rationale: z.string(),
  verdict: z.enum(['correct', 'incorrect']),
  confidence: z.number().min(0).max(1),
  citations: z.array(z.object({ doc: z.string(), page: z.number().int().positive() })),
  note: z.string().nullable(),
})
const format = zodResponseFormat(Verdict, 'verdict')
const ask = (content: string) => [{ role: 'user' as const, content }]

describe('structured output', () => {
  it('answers an instance of the schema, which the client parses and validates', async () => {
    const completion = await t.client().chat.completions.parse({
      model: 'm',
      messages: ask('Is 2+2=4?'),
      response_format: format,
    })
    const parsed = completion.choices[0]?.message.parsed
    expect(Verdict.parse(parsed)).toEqual({
      rationale: 'test rationale',
      verdict: 'correct',
      confidence: 0,
      citations: [{ doc: 'test doc', page: 1 }],
      note: 'test note',
    })
  })

  it('sets and omits properties on request, which can make the answer invalid', async () => {
    const completion = await t.client().chat.completions.create({
      model: 'm',
      messages: ask('Is 2+2=5? [[set:verdict=incorrect]] [[no-rationale]]'),
      response_format: format,
    })
    const answer = JSON.parse(completion.choices[0]?.message.content ?? '')
    expect(answer.verdict).toBe('incorrect')
    expect(answer).not.toHaveProperty('rationale')
    expect(Verdict.safeParse(answer).success).toBe(false)
  })

  it('answers JSON that does not parse for [[malformed-json]]', async () => {
    const request = { model: 'm', messages: ask('[[malformed-json]]'), response_format: format }
    const completion = await t.client().chat.completions.create(request)
    const content = completion.choices[0]?.message.content ?? ''
    expect(content.startsWith('{"rationale":')).toBe(true)
    expect(() => JSON.parse(content)).toThrow(SyntaxError)
    await expect(t.client().chat.completions.parse(request)).rejects.toThrow()
  })

  it('answers a JSON object for json_object', async () => {
    const completion = await t.client().chat.completions.create({
      model: 'm',
      messages: ask('Reply in JSON'),
      response_format: { type: 'json_object' },
    })
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({
      answer: 'Hello! You said: Reply in JSON',
    })
  })

  it('answers the JSON a script gives', async () => {
    t.server.once({
      json: { rationale: 'scripted', verdict: 'incorrect', confidence: 0.9, citations: [], note: null },
    })
    const completion = await t
      .client()
      .chat.completions.parse({ model: 'm', messages: ask('q'), response_format: format })
    expect(completion.choices[0]?.message.parsed?.rationale).toBe('scripted')
  })
})
