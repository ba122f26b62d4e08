import { describe, expect, it } from 'vitest'
import { closest, editDistance } from './did-you-mean.js'

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions as one edit', () => {
    expect(editDistance('span.knd', 'span.kind')).toBe(1)
    expect(editDistance('span.kinds', 'span.kind')).toBe(1)
    expect(editDistance('span.kimd', 'span.kind')).toBe(1)
    expect(editDistance('RETREIVER', 'RETRIEVER')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })
})

describe('closest', () => {
  it('finds a near candidate, ignoring case', () => {
    expect(closest('SPAN.NAM', ['span.name', 'span.kind'])).toBe('span.name')
  })

  it('does not suggest far-away words, nor compare huge inputs', () => {
    expect(closest('banana', ['span.name', 'span.kind'])).toBeUndefined()
    expect(closest('x'.repeat(10_000), ['span.name'])).toBeUndefined()
  })
})
