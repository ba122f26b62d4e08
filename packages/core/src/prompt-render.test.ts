import { describe, expect, it } from 'vitest'
import { type PromptTemplate, parsePromptReference } from './prompt.js'
import { PromptRenderError, renderPrompt } from './prompt-render.js'

const chat: PromptTemplate = {
  type: 'chat',
  messages: [
    { role: 'system', content: 'You help with {{product}} for {{user.name}}.' },
    { type: 'placeholder', name: 'history' },
    { role: 'user', content: '{{ question }}' },
  ],
}

function failure(fn: () => unknown): PromptRenderError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PromptRenderError) return error
    throw error
  }
  throw new Error('expected a PromptRenderError')
}

describe('renderPrompt', () => {
  it('fills text variables once, without expanding braces inside values', () => {
    const out = renderPrompt(
      { type: 'text', text: 'Hi {{name}}, {{n}} left {{name}}' },
      { name: '{{n}}', n: 3 },
    )
    expect(out).toEqual({ type: 'text', text: 'Hi {{n}}, 3 left {{n}}' })
  })

  it('expands a messages placeholder and reads dotted names from nested objects', () => {
    const history = [
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'hi', name: 'bot' },
    ]
    const out = renderPrompt(chat, { product: 'Assay', user: { name: 'Ada' }, history, question: 'Why?' })
    expect(out).toEqual({
      type: 'chat',
      messages: [
        { role: 'system', content: 'You help with Assay for Ada.' },
        ...history,
        { role: 'user', content: 'Why?' },
      ],
    })
  })

  it('names a missing variable, an unknown one, and a placeholder given text', () => {
    const missing = failure(() => renderPrompt(chat, { product: 'x', user: { name: 'y' }, history: [] }))
    expect([missing.problem, missing.variable, missing.message]).toEqual([
      'missing',
      'question',
      "missing variable 'question'",
    ])
    const unknown = failure(() => renderPrompt({ type: 'text', text: '{{a}}' }, { a: 1, b: 2 }))
    expect([unknown.problem, unknown.variable]).toEqual(['unknown', 'b'])
    const invalid = failure(() =>
      renderPrompt(chat, { product: 'x', user: { name: 'y' }, history: 'no', question: 'q' }),
    )
    expect([invalid.problem, invalid.variable]).toEqual(['invalid', 'history'])
  })
})

describe('parsePromptReference', () => {
  it('reads name, name/version and name@alias; latest is the bare name', () => {
    expect(parsePromptReference('support')).toEqual({ name: 'support' })
    expect(parsePromptReference('support/12')).toEqual({ name: 'support', version: 12 })
    expect(parsePromptReference('support@production')).toEqual({ name: 'support', alias: 'production' })
    expect(parsePromptReference('support@latest')).toEqual({ name: 'support' })
  })

  it('refuses what is not a reference', () => {
    for (const ref of ['', 'a/0', 'a/b/1', 'a@', 'a@b@c', '@x', 'a/1@x', 'resolve'])
      expect(parsePromptReference(ref), ref).toBeNull()
  })
})
