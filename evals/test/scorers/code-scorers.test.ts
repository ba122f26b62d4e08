// Every code scorer with ordinary and hostile inputs.
import { describe, expect, it } from 'vitest'
import { scorers } from '../../src/index.js'
import type { EvalItem, Scorer } from '../../src/types.js'

const run = (scorer: Scorer, item: Partial<EvalItem>) =>
  scorer.score({ inputs: 'q', outputs: undefined, ...item })

const cyclic = () => {
  const value: Record<string, unknown> = { a: 1 }
  value.self = value
  return value
}
const huge = 'x'.repeat(5_000_000)

describe('exactMatch', () => {
  it.each([
    ['Paris', 'Paris', true],
    ['  Paris\n', 'Paris', true],
    ['paris', 'Paris', false],
    [42, '42', true],
    ['42', 42, true],
    ['{"b":2,"a":1}', { a: 1, b: 2 }, true],
    [{ a: [1, { b: null }] }, { a: [1, { b: null }] }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [true, 'true', true],
    [null, 'null', true],
  ])('%j vs expected %j -> %s', async (outputs, expected, value) => {
    const result = await run(scorers.exactMatch(), { outputs, expectations: { expected_response: expected } })
    expect(result).toMatchObject({
      value,
      passed: value,
      error: null,
      sourceId: 'code:exact_match',
      sourceType: 'CODE',
    })
  })

  it('ignores case when asked, reads `expected`, and a scalar expectation', async () => {
    expect(
      (await run(scorers.exactMatch({ ignoreCase: true }), { outputs: 'PARIS', expectations: 'paris' }))
        .value,
    ).toBe(true)
    expect((await run(scorers.exactMatch(), { outputs: 'a', expectations: { expected: 'a' } })).value).toBe(
      true,
    )
    expect((await run(scorers.exactMatch({ expected: 'b' }), { outputs: 'b' })).value).toBe(true)
  })

  it('compares cyclic values without looping', async () => {
    expect((await run(scorers.exactMatch(), { outputs: cyclic(), expectations: [cyclic()] })).value).toBe(
      false,
    )
    expect((await run(scorers.exactMatch({ expected: cyclic() }), { outputs: cyclic() })).value).toBe(true)
  })

  it('is an error without an expected value', async () => {
    for (const expectations of [undefined, null, { other: 1 }, { expected_response: null }]) {
      const result = await run(scorers.exactMatch(), { outputs: 'a', expectations })
      expect(result).toMatchObject({ value: null, passed: null })
      expect(result.error).toMatch(/needs an expected value/)
    }
  })

  it('handles huge strings', async () => {
    expect((await run(scorers.exactMatch(), { outputs: huge, expectations: huge })).value).toBe(true)
    const result = await run(scorers.exactMatch(), { outputs: huge, expectations: 'y' })
    expect(result.rationale.length).toBeLessThan(400)
  })
})

describe('contains', () => {
  it('finds the expected text, all or any of several, optionally ignoring case', async () => {
    expect(
      (await run(scorers.contains(), { outputs: 'The capital is Paris.', expectations: 'Paris' })).value,
    ).toBe(true)
    expect((await run(scorers.contains(), { outputs: 'paris', expectations: 'Paris' })).value).toBe(false)
    expect(
      (await run(scorers.contains({ ignoreCase: true }), { outputs: 'paris', expectations: 'Paris' })).value,
    ).toBe(true)
    const all = await run(scorers.contains({ value: ['a', 'zz'] }), { outputs: 'abc' })
    expect(all).toMatchObject({ value: false })
    expect(all.rationale).toContain('"zz"')
    expect((await run(scorers.contains({ value: ['a', 'zz'], mode: 'any' }), { outputs: 'abc' })).value).toBe(
      true,
    )
  })

  it('searches the JSON text of non-string outputs', async () => {
    expect(
      (await run(scorers.contains({ value: '"city":"Paris"' }), { outputs: { city: 'Paris' } })).value,
    ).toBe(true)
    expect((await run(scorers.contains({ value: 'Circular' }), { outputs: cyclic() })).value).toBe(true)
    expect((await run(scorers.contains({ value: 'x' }), { outputs: undefined })).value).toBe(false)
  })

  it('rejects an empty needle rather than passing everything', async () => {
    expect((await run(scorers.contains({ value: '' }), { outputs: 'abc' })).error).toMatch(
      /must not be empty/,
    )
  })

  it('handles huge outputs', async () => {
    expect((await run(scorers.contains({ value: 'needle' }), { outputs: `${huge}needle` })).value).toBe(true)
  })
})

describe('regex', () => {
  it('matches strings and RegExp objects, with flags', async () => {
    expect((await run(scorers.regex(/^\d{3}-\d{4}$/), { outputs: '555-1234' })).value).toBe(true)
    expect((await run(scorers.regex('^paris$'), { outputs: 'Paris' })).value).toBe(false)
    expect((await run(scorers.regex('^paris$', { flags: 'i' }), { outputs: 'Paris' })).value).toBe(true)
    expect((await run(scorers.regex(/^b$/m), { outputs: 'a\nb' })).value).toBe(true)
    expect((await run(scorers.regex(/a.b/s), { outputs: 'a\nb' })).value).toBe(true)
    const g = scorers.regex(/a/g)
    expect((await run(g, { outputs: 'a' })).value).toBe(true)
    expect((await run(g, { outputs: 'a' })).value).toBe(true) // no lastIndex state between items
  })

  it('can forbid a pattern', async () => {
    const noSecrets = scorers.regex('sk-[a-z0-9]{8}', { shouldMatch: false })
    expect((await run(noSecrets, { outputs: 'key sk-abcdef12' })).passed).toBe(false)
    expect((await run(noSecrets, { outputs: 'no key' })).passed).toBe(true)
  })

  it('rejects invalid patterns and flags clearly', () => {
    expect(() => scorers.regex('(')).toThrow(/regex: invalid pattern \/\(\/: .*missing closing \)/)
    expect(() => scorers.regex('[a-')).toThrow(/invalid pattern/)
    expect(() => scorers.regex('(?=x)')).toThrow(/invalid pattern/)
    expect(() => scorers.regex('a', { flags: 'x' })).toThrow(/unsupported regex flag "x"/)
  })

  it('stays linear on a pattern that backtracks catastrophically in JavaScript', async () => {
    const started = Date.now()
    const result = await run(scorers.regex('^(a+)+$'), { outputs: `${'a'.repeat(50_000)}b` })
    expect(result.value).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('tests the JSON text of non-string outputs', async () => {
    expect((await run(scorers.regex('"n":\\d+'), { outputs: { n: 5 } })).value).toBe(true)
    expect((await run(scorers.regex('.'), { outputs: cyclic() })).value).toBe(true)
  })
})

describe('validJson', () => {
  it.each([
    ['{"a":1}', true],
    ['[1, 2]', true],
    ['"text"', true],
    ['{"a":', false],
    ['', false],
    [{ a: [1, null] }, true],
    [42, true],
    [Number.NaN, false],
    [{ f: () => 1 }, false],
    [undefined, false],
  ])('%j -> %s', async (outputs, value) => {
    expect((await run(scorers.validJson(), { outputs })).value).toBe(value)
  })

  it('rejects a BigInt, which JSON cannot hold', async () => {
    expect((await run(scorers.validJson(), { outputs: { b: 1n } })).value).toBe(false)
  })

  it('reports a cycle with its path', async () => {
    const result = await run(scorers.validJson(), { outputs: { list: [cyclic()] } })
    expect(result).toMatchObject({ value: false, passed: false })
    expect(result.rationale).toContain('$.list[0].self refers back')
  })

  it('handles very deep nesting without overflowing the stack', async () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect((await run(scorers.validJson(), { outputs: deep })).value).toBe(true)
  })
})

describe('jsonSchema', () => {
  const schema = {
    type: 'object',
    properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 0 } },
    required: ['city'],
    additionalProperties: false,
    example: { city: 'Paris' },
  }

  it('validates objects and JSON strings', async () => {
    expect((await run(scorers.jsonSchema(schema), { outputs: { city: 'Paris', population: 2 } })).value).toBe(
      true,
    )
    expect((await run(scorers.jsonSchema(schema), { outputs: '{"city":"Paris"}' })).value).toBe(true)
    const bad = await run(scorers.jsonSchema(schema), { outputs: { population: -1, extra: true } })
    expect(bad.value).toBe(false)
    expect(bad.rationale).toMatch(/must have required property 'city'/)
    expect(bad.rationale).toMatch(/\/population must be >= 0/)
  })

  it('validates a non-JSON string as a string, and a draft 2020-12 schema', async () => {
    expect(
      (await run(scorers.jsonSchema({ type: 'string', minLength: 3 }), { outputs: 'hello' })).value,
    ).toBe(true)
    const tuple = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      prefixItems: [{ type: 'number' }],
      items: false,
    }
    expect((await run(scorers.jsonSchema(tuple), { outputs: [1] })).value).toBe(true)
    expect((await run(scorers.jsonSchema(tuple), { outputs: [1, 2] })).value).toBe(false)
  })

  it('fails cyclic outputs instead of recursing forever', async () => {
    const recursive = {
      $ref: '#/definitions/node',
      definitions: { node: { type: 'object', additionalProperties: { $ref: '#/definitions/node' } } },
    }
    const result = await run(scorers.jsonSchema(recursive), { outputs: cyclic() })
    expect(result.value).toBe(false)
    expect(result.rationale).toMatch(/cycle/)
  })

  it('rejects an invalid schema when defined', () => {
    expect(() => scorers.jsonSchema({ type: 'nonsense' })).toThrow(/json_schema: invalid JSON schema/)
    expect(() => scorers.jsonSchema('nope' as never)).toThrow(/must be an object/)
  })
})

describe('numericTolerance', () => {
  it.each([
    [42, 42, {}, true],
    ['41.9', 42, { tolerance: 0.2 }, true],
    [40, 42, { tolerance: 1 }, false],
    [101, 100, { relative: 0.01 }, true],
    [102, 100, { relative: 0.01 }, false],
    ['forty-two', 42, { tolerance: 1 }, false],
    [{ n: 1 }, 1, {}, false],
    [Number.POSITIVE_INFINITY, 1, {}, false],
  ])('%j vs %j with %j -> %s', async (outputs, expected, options, value) => {
    const result = await run(scorers.numericTolerance(options), { outputs, expectations: expected })
    expect(result).toMatchObject({ value, passed: value, error: null })
  })

  it('is an error when the expected value is not a number, and rejects a negative tolerance', async () => {
    expect((await run(scorers.numericTolerance(), { outputs: 1, expectations: 'x' })).error).toMatch(
      /not a number/,
    )
    expect(() => scorers.numericTolerance({ tolerance: -1 })).toThrow(/tolerance/)
  })
})

describe('similarity', () => {
  it('scores near and far texts against the threshold', async () => {
    const same = await run(scorers.similarity(), {
      outputs: 'The capital is Paris',
      expectations: 'the capital is  paris',
    })
    expect(same).toMatchObject({ value: 1, passed: true })
    const near = await run(scorers.similarity({ threshold: 0.7 }), {
      outputs: 'The capital is Paris.',
      expectations: 'Paris is the capital.',
    })
    expect(near.value).toBeGreaterThan(0.7)
    expect(near.passed).toBe(true)
    const far = await run(scorers.similarity(), { outputs: 'Berlin', expectations: 'Paris is the capital.' })
    expect(far.value).toBeLessThan(0.2)
    expect(far.passed).toBe(false)
  })

  it('handles empty, non-string and huge inputs', async () => {
    expect((await run(scorers.similarity(), { outputs: '', expectations: 'abc' })).value).toBe(0)
    expect((await run(scorers.similarity(), { outputs: { a: 1 }, expectations: '{"a":1}' })).value).toBe(1)
    const started = Date.now()
    const big = await run(scorers.similarity(), { outputs: huge, expectations: `${huge.slice(1)}y` })
    expect(big.value).toBeGreaterThan(0.99)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(() => scorers.similarity({ threshold: 2 })).toThrow(/threshold/)
  })
})

describe('latency and cost', () => {
  it('pass within the limit and keep the measurement as the value', async () => {
    expect(await run(scorers.latency({ maxMs: 100 }), { latencyMs: 80 })).toMatchObject({
      value: 80,
      passed: true,
    })
    expect(await run(scorers.latency({ maxMs: 100 }), { latencyMs: 120 })).toMatchObject({
      value: 120,
      passed: false,
    })
    expect(await run(scorers.cost({ maxUsd: 0.01 }), { costUsd: 0.002 })).toMatchObject({
      value: 0.002,
      passed: true,
    })
    expect(await run(scorers.cost({ maxUsd: 0.01 }), { costUsd: 0.02 })).toMatchObject({ passed: false })
  })

  it('are errors when the item has no measurement, and reject bad limits', async () => {
    expect((await run(scorers.latency({ maxMs: 1 }), {})).error).toMatch(/no latency/)
    expect((await run(scorers.cost({ maxUsd: 1 }), { costUsd: Number.NaN })).error).toMatch(/no cost/)
    expect(() => scorers.latency({ maxMs: -1 })).toThrow(/maxMs/)
    expect(() => scorers.cost({} as never)).toThrow(/maxUsd/)
  })
})
