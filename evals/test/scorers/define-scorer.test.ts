import { describe, expect, it } from 'vitest'
import { defineScorer, expectedValue } from '../../src/index.js'

const item = { inputs: 'q', outputs: 'hello world' }

describe('defineScorer', () => {
  it('accepts a boolean, a number, a string and { value, rationale, passed }', async () => {
    expect(await defineScorer('b', () => true).score(item)).toMatchObject({
      value: true,
      passed: true,
      rationale: '',
    })
    expect(await defineScorer('n', () => 3).score(item)).toMatchObject({ value: 3, passed: null })
    expect(await defineScorer('n', () => 3, { passThreshold: 5 }).score(item)).toMatchObject({
      value: 3,
      passed: false,
    })
    expect(await defineScorer('s', () => 'positive').score(item)).toMatchObject({
      value: 'positive',
      passed: null,
    })
    const wrapped = defineScorer(
      'w',
      async ({ outputs }) => ({ value: String(outputs).length, rationale: 'length', passed: true }),
      {
        passThreshold: 100,
      },
    )
    expect(await wrapped.score(item)).toMatchObject({
      name: 'w',
      value: 11,
      rationale: 'length',
      passed: true,
      error: null,
      sourceType: 'CODE',
      sourceId: 'code:w',
    })
  })

  it('turns throws and unusable returns into error results', async () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => {
          throw new Error('boom')
        },
        /scorer threw: boom/,
      ],
      [() => Promise.reject(new Error('async boom')), /async boom/],
      [() => undefined, /returned undefined/],
      [() => null, /returned null/],
      [() => ({ rationale: 'no value' }), /an object without a value/],
      [() => [1], /an array/],
      [() => Number.NaN, /non-finite/],
      [() => ({ value: 1, passed: 'yes' }), /non-boolean passed/],
    ]
    for (const [fn, message] of cases) {
      const result = await defineScorer('x', fn as never).score(item)
      expect(result).toMatchObject({ value: null, passed: null })
      expect(result.error).toMatch(message)
    }
  })

  it('rejects a bad definition', () => {
    expect(() => defineScorer('', () => 1)).toThrow(/name/)
    expect(() => defineScorer('x', 'nope' as never)).toThrow(/function/)
    expect(() => defineScorer('x', () => 1, { passThreshold: Number.NaN })).toThrow(/passThreshold/)
  })
})

describe('expectedValue', () => {
  it('follows the documented rule', () => {
    expect(expectedValue('Paris')).toEqual({ found: true, value: 'Paris' })
    expect(expectedValue(0)).toEqual({ found: true, value: 0 })
    expect(expectedValue([1])).toEqual({ found: true, value: [1] })
    expect(expectedValue({ expected_response: 'a', expected: 'b' })).toEqual({ found: true, value: 'a' })
    expect(expectedValue({ expected: { x: 1 } })).toEqual({ found: true, value: { x: 1 } })
    expect(expectedValue({ facts: [] })).toEqual({ found: false })
    expect(expectedValue(undefined)).toEqual({ found: false })
    expect(expectedValue(null)).toEqual({ found: false })
  })
})
