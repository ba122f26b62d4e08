import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, serialize } from '../src/serialize.js'

const parse = (value: unknown, limits = DEFAULT_LIMITS) => JSON.parse(serialize(value, limits))

describe('serialize', () => {
  it('keeps plain JSON values as they are', () => {
    expect(parse({ a: 1, b: ['x', true, null], c: { d: 'e' } })).toEqual({
      a: 1,
      b: ['x', true, null],
      c: { d: 'e' },
    })
    expect(serialize('hello')).toBe('"hello"')
  })

  it('marks cycles but not repeated (shared) references', () => {
    const a: Record<string, unknown> = { name: 'a' }
    a.self = a
    const shared = { x: 1 }
    expect(parse({ a, left: shared, right: shared })).toEqual({
      a: { name: 'a', self: '[Circular]' },
      left: { x: 1 },
      right: { x: 1 },
    })
  })

  it('writes BigInt, non-finite numbers, dates, errors, maps and sets', () => {
    expect(
      parse({
        big: 12345678901234567890n,
        nan: Number.NaN,
        date: new Date(0),
        err: new TypeError('boom'),
        map: new Map([['k', 1]]),
        set: new Set([1, 2]),
        fn: function named() {},
        sym: Symbol('s'),
        undef: undefined,
      }),
    ).toEqual({
      big: '12345678901234567890',
      nan: 'NaN',
      date: '1970-01-01T00:00:00.000Z',
      err: { name: 'TypeError', message: 'boom' },
      map: { k: 1 },
      set: [1, 2],
      fn: '[Function named]',
      sym: 'Symbol(s)',
    })
  })

  it('replaces binary data with its size', () => {
    expect(parse({ buf: Buffer.alloc(2048), arr: new Uint8Array(3) })).toEqual({
      buf: '[Binary 2048 bytes]',
      arr: '[Binary 3 bytes]',
    })
  })

  it('cuts long strings, long lists, deep nesting and huge totals with markers', () => {
    const limits = { maxStringChars: 5, maxItems: 3, maxDepth: 2, maxTotalChars: 10_000 }
    expect(parse('abcdefgh', limits)).toBe('abcde…[truncated 3 chars]')
    expect(parse([1, 2, 3, 4, 5], limits)).toEqual([1, 2, 3, '…[2 more items]'])
    expect(parse({ a: { b: { c: 1 } } }, limits)).toEqual({ a: { b: '[Object]' } })
    const huge = serialize('x'.repeat(2_000_000))
    expect(huge.length).toBeLessThan(200_000)
    expect(JSON.parse(huge).endsWith('…[truncated 1900000 chars]')).toBe(true)
    const total = JSON.parse(serialize(Array.from({ length: 900 }, () => 'y'.repeat(1000))))
    expect(total).toMatchObject({ truncated: true, original_chars: expect.any(Number) })
  })

  it('never throws: throwing getters and toJSON become markers', () => {
    const nasty = {
      get boom() {
        throw new Error('getter')
      },
      inner: {
        toJSON: () => {
          throw new Error('toJSON')
        },
      },
    }
    expect(parse(nasty)).toEqual({ boom: '[Unreadable: getter]', inner: '[Unreadable: toJSON]' })
  })
})
