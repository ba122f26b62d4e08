import type { SpanEventRow } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { messagesFromEvents, normalizeTraces } from '../../src/normalize/index.js'
import { attrs, START, span, traces } from './build.js'

function ev(
  name: string,
  body: unknown,
  time = START,
  attributes: Record<string, string> = {},
): SpanEventRow {
  return {
    project_id: 'p',
    trace_id: 'a'.repeat(32),
    span_id: 'b'.repeat(16),
    time,
    name,
    source: 'log',
    attributes,
    body: body === undefined ? '' : JSON.stringify(body),
  }
}

const parse = (text: string | undefined) => JSON.parse(text ?? 'null')

describe('messagesFromEvents', () => {
  it('orders by time (stable for equal times) and choices by index', () => {
    const out = messagesFromEvents([
      ev('gen_ai.choice', { index: 1, finish_reason: 'stop', message: { content: 'second' } }, '30'),
      ev('gen_ai.user.message', { content: 'later' }, '20'),
      ev('gen_ai.system.message', { content: 'first' }, '10'),
      ev('gen_ai.choice', { index: 0, finish_reason: 'stop', message: { content: 'first choice' } }, '30'),
      ev('gen_ai.assistant.message', { content: 'same time' }, '20'),
    ])
    expect(parse(out.input)).toEqual([
      { role: 'system', content: 'first' },
      { role: 'user', content: 'later' },
      { role: 'assistant', content: 'same time' },
    ])
    expect(parse(out.output)).toEqual([
      { role: 'assistant', content: 'first choice', finish_reason: 'stop' },
      { role: 'assistant', content: 'second', finish_reason: 'stop' },
    ])
  })

  it('tool messages and an empty tool_calls object', () => {
    const out = messagesFromEvents([
      ev('gen_ai.assistant.message', { content: 'ok', tool_calls: {} }),
      ev('gen_ai.tool.message', { id: 'c1', content: '42' }),
      ev('gen_ai.user.message', 'bare string body'),
    ])
    expect(parse(out.input)).toEqual([
      { role: 'assistant', content: 'ok' },
      { role: 'tool', content: '42', tool_call_id: 'c1' },
      { role: 'user', content: 'bare string body' },
    ])
    expect(out.output).toBeUndefined()
  })

  it('operation-details records carry the whole conversation in attributes', () => {
    const out = messagesFromEvents([
      ev('gen_ai.client.inference.operation.details', undefined, START, {
        'gen_ai.system_instructions': '[{"type":"text","content":"Be brief."}]',
        'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
        'gen_ai.output.messages':
          '[{"role":"assistant","parts":[{"type":"text","content":"Hello"}],"finish_reason":"stop"}]',
      }),
    ])
    expect(parse(out.input)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ])
    expect(parse(out.output)).toEqual([{ role: 'assistant', content: 'Hello', finish_reason: 'stop' }])
  })

  it('returns nothing for unrelated or broken events', () => {
    expect(messagesFromEvents([])).toEqual({})
    expect(
      messagesFromEvents([
        ev('exception', undefined),
        { ...ev('gen_ai.user.message', undefined), body: '{bad' },
      ]),
    ).toEqual({})
  })
})

describe('message span events inside one traces export (older conventions)', () => {
  it('fill the span input/output from its events', () => {
    const s = span({
      attributes: attrs({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini' }),
      events: [
        { timeUnixNano: START, name: 'gen_ai.user.message', attributes: attrs({ content: 'Hi' }) },
        {
          timeUnixNano: START,
          name: 'gen_ai.choice',
          attributes: attrs({
            index: 0n,
            finish_reason: 'stop',
            message: '{"role":"assistant","content":"Hello"}',
          }),
        },
      ],
    })
    const row = normalizeTraces(traces([s]), { projectId: 'p' }).spans[0]!
    expect(JSON.parse(row.input)).toEqual([{ role: 'user', content: 'Hi' }])
    expect(JSON.parse(row.output)).toEqual([{ role: 'assistant', content: 'Hello', finish_reason: 'stop' }])
  })

  it('gen_ai.content.prompt / completion span events with JSON attributes', () => {
    const s = span({
      attributes: attrs({ 'gen_ai.system': 'openai' }),
      events: [
        {
          timeUnixNano: START,
          name: 'gen_ai.content.prompt',
          attributes: attrs({ 'gen_ai.prompt': '[{"role":"user","content":"Hi"}]' }),
        },
        {
          timeUnixNano: START,
          name: 'gen_ai.content.completion',
          attributes: attrs({ 'gen_ai.completion': '[{"role":"assistant","content":"Yo"}]' }),
        },
      ],
    })
    const row = normalizeTraces(traces([s]), { projectId: 'p' }).spans[0]!
    expect(JSON.parse(row.input)).toEqual([{ role: 'user', content: 'Hi' }])
    expect(JSON.parse(row.output)).toEqual([{ role: 'assistant', content: 'Yo' }])
  })
})
