/**
 * The SDK restates two things from `@assay/core` to keep zod out of apps:
 * the `assay.*` attribute names and the prompt renderer. These tests keep
 * the copies equal to the originals.
 */
import { ASSAY_ATTR, renderPrompt } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { ATTR } from '../src/attributes.js'
import { type PromptTemplate, renderTemplate } from '../src/prompts/render.js'

describe('parity with @assay/core', () => {
  it('uses the same attribute names', () => {
    expect(ATTR).toEqual(ASSAY_ATTR)
  })

  const text: PromptTemplate = { type: 'text', text: 'Hi {{ name }}, {{user.plan}} {{n}} {{obj}}' }
  const chat: PromptTemplate = {
    type: 'chat',
    messages: [
      { role: 'system', content: 'Be {{tone}}' },
      { type: 'placeholder', name: 'history' },
      { role: 'user', content: '{{q}}' },
    ],
  }
  const cases: [PromptTemplate, Record<string, unknown>][] = [
    [text, { name: 'Ada', user: { plan: 'pro' }, n: 3, obj: { a: [1] } }],
    [text, { name: 'Ada', 'user.plan': 'x', n: true, obj: 'o' }],
    [text, { name: '{{n}}', user: { plan: 'p' }, n: 1, obj: 1 }],
    [text, { name: 'Ada' }], // missing
    [text, { name: 'Ada', user: { plan: 'p' }, n: 1, obj: 1, extra: 1 }], // unknown
    [text, { name: null, user: { plan: 'p' }, n: 1, obj: 1 }], // null is missing
    [chat, { tone: 'brief', history: [{ role: 'user', content: 'earlier' }], q: 'now?' }],
    [chat, { tone: 'brief', history: 'not a list', q: 'now?' }],
  ]

  it.each(cases)('renders %j with %j as the API does', (template, vars) => {
    let expected: unknown
    try {
      const r = renderPrompt(template as never, vars)
      expected = r.type === 'text' ? r.text : r.messages
    } catch {
      expected = 'error'
    }
    let actual: unknown
    try {
      actual = renderTemplate(template, vars)
    } catch {
      actual = 'error'
    }
    expect(actual).toEqual(expected)
  })
})
