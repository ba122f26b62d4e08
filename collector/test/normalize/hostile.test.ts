import { MAX_TOKEN_COUNT, SpanRow } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { MAX_IO_CHARS, normalizeTraces } from '../../src/normalize/index.js'
import type { AnyValue } from '../../src/otlp/types.js'
import { attrs, span, traces } from './build.js'
import { one, parsed } from './one.js'

describe('hostile attribute values', () => {
  it('a 10 MB string is kept raw; the normalized input is capped with a marker, without being parsed', () => {
    const huge = `{"messages":[${'"x",'.repeat(2_500_000)}"y"]}`
    const row = one({ 'assay.input': huge, 'input.value': 'ignored' })
    expect(row.attributes['assay.input']).toHaveLength(huge.length)
    const marker = parsed(row.input) as { truncated: boolean; original_chars: number; preview: string }
    expect(marker).toMatchObject({ truncated: true, original_chars: huge.length })
    expect(huge.startsWith(marker.preview)).toBe(true)
    expect(row.input.length).toBeLessThan(MAX_IO_CHARS)
  })

  it('deeply nested values are encoded without blowing the stack, cut with a marker', () => {
    let deep: AnyValue = 'bottom'
    for (let i = 0; i < 5000; i++) deep = [deep]
    const row = one({ deep })
    expect(row.attributes.deep).toContain('[nesting too deep]')
    expect(() => JSON.parse(row.attributes.deep!)).not.toThrow()
  })

  it('__proto__ and constructor are ordinary keys everywhere', () => {
    const kv = attrs({ inner: 'v' })
    const a = attrs({
      'assay.metadata.__proto__': 'm',
      constructor: 'c',
      'gen_ai.operation.name': 'constructor',
    })
    Object.defineProperty(a, '__proto__', { value: kv, enumerable: true, configurable: true, writable: true })
    const row = normalizeTraces(traces([span({ attributes: a })]), { projectId: 'p' }).spans[0]!
    expect(Object.getPrototypeOf(row.attributes)).toBe(null)
    expect(Object.entries(row.attributes)).toContainEqual(['__proto__', '{"inner":"v"}'])
    expect(row.attributes.constructor).toBe('c')
    expect(Object.entries(row.metadata)).toEqual([['__proto__', 'm']])
    expect(row.kind).toBe('UNKNOWN')
    expect(({} as Record<string, unknown>).inner).toBeUndefined()
  })

  it('non-finite numbers, bytes and nested bigints are encoded losslessly', () => {
    const row = one({
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      bytes: new Uint8Array([1, 2, 255]),
      list: [1n, 2n ** 70n, Number.NEGATIVE_INFINITY, true, null, new Uint8Array([0])],
      empty: null,
    })
    expect(row.attributes).toMatchObject({
      nan: 'NaN',
      inf: 'Infinity',
      bytes: 'AQL/',
      list: '[1,"1180591620717411303424","-Infinity",true,null,"AA=="]',
      empty: '',
    })
  })

  it('token counts: clamped to the UInt32 columns, negative or NaN ignored', () => {
    const big = one({ 'gen_ai.usage.input_tokens': 2n ** 31n, 'gen_ai.usage.output_tokens': 2n ** 60n })
    expect(big).toMatchObject({
      input_tokens: 2 ** 31,
      output_tokens: MAX_TOKEN_COUNT,
      total_tokens: MAX_TOKEN_COUNT,
    })
    const bad = one({
      'gen_ai.usage.input_tokens': -5n,
      'gen_ai.usage.output_tokens': Number.NaN,
      'llm.token_count.prompt': 'lots',
    })
    expect(bad).toMatchObject({ input_tokens: 0, output_tokens: 0 })
    const negativeCost = one({ 'assay.cost_usd': -1, 'gen_ai.usage.cost': Number.POSITIVE_INFINITY })
    expect(negativeCost.cost_usd).toBe(0)
  })

  it('malformed JSON where JSON is expected does not throw', () => {
    const row = one({
      'gen_ai.operation.name': 'chat',
      'gen_ai.input.messages': '[{"role":',
      'gen_ai.output.messages': '{"not":"a list"}',
      metadata: '{broken',
      'tag.tags': '[1, {"a": 2}]',
      'llm.input_messages.99999999.message.role': 'user',
    })
    expect(row.input).toBe('"[{\\"role\\":"')
    expect(row.output).toBe('{"not":"a list"}')
    expect(SpanRow.safeParse(row).success).toBe(true)
  })

  it('every row satisfies the SpanRow schema', () => {
    const row = one({ 'assay.tags': ['a'], 'assay.metadata.x': 1.5, 'gen_ai.usage.input_tokens': 3n })
    expect(SpanRow.parse(row)).toBeTruthy()
  })
})
