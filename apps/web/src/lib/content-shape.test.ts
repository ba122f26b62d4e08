import { describe, expect, it } from 'vitest'
import { previewOf, shapeOf } from './content-shape'

describe('shapeOf', () => {
  it('reads the collector message list as a conversation', () => {
    const text = JSON.stringify([
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', name: 'get_weather', arguments: '{}' }] },
      { role: 'tool', tool_call_id: 'c1', content: '{"t":18}' },
    ])
    expect(shapeOf(text).kind).toBe('messages')
    expect(previewOf(text, 'input')).toBe('Weather in Paris?')
  })

  it('reads retrieved documents', () => {
    const text = JSON.stringify([{ id: 'd1', content: 'x', score: 0.5, metadata: {} }])
    expect(shapeOf(text)).toEqual({
      kind: 'documents',
      documents: [{ id: 'd1', content: 'x', score: 0.5, metadata: {} }],
    })
    expect(previewOf(text, 'output')).toBe('1 documents')
  })

  it('keeps text as text and JSON as JSON', () => {
    expect(shapeOf('"hello"')).toEqual({ kind: 'text', text: 'hello' })
    expect(shapeOf('not json <b>')).toEqual({ kind: 'text', text: 'not json <b>' })
    expect(shapeOf('{"a":1}')).toEqual({ kind: 'json', value: { a: 1 } })
    expect(shapeOf('')).toEqual({ kind: 'empty' })
    expect(previewOf('{"question":"why?"}', 'input')).toBe('why?')
  })
})
