import Long from 'long'
import { describe, expect, it } from 'vitest'
import { longToBigInt, longToDecimal } from '../../src/decode/protobuf/any-value.js'

describe('64-bit integers from protobufjs', () => {
  const unsigned = ['0', '1', '4294967295', '4294967296', '1700000000123456789', '18446744073709551615']
  const signed = ['0', '-1', '-4294967296', '9223372036854775807', '-9223372036854775808', '42']

  it('fixed64 times become the exact decimal string', () => {
    for (const text of unsigned) expect(longToDecimal(Long.fromString(text, true))).toBe(text)
    expect(longToDecimal(undefined)).toBe('0')
    expect(longToDecimal(12)).toBe('12')
  })

  it('int64 values become the exact bigint, negative ones included', () => {
    for (const text of signed) expect(longToBigInt(Long.fromString(text, false))).toBe(BigInt(text))
    for (const text of unsigned) expect(longToBigInt(Long.fromString(text, true))).toBe(BigInt(text))
    expect(longToBigInt(null)).toBe(0n)
    expect(longToBigInt(-7)).toBe(-7n)
  })
})
