import Long from 'long'
import protobuf from 'protobufjs'
import { describe, expect, it } from 'vitest'
import { readerOf, readInt64, readNanos } from '../../src/decode/protobuf/wire.js'

describe('64-bit integers from the wire', () => {
  const unsigned = ['0', '1', '4294967295', '4294967296', '1700000000123456789', '18446744073709551615']
  const signed = ['0', '-1', '-4294967296', '9223372036854775807', '-9223372036854775808', '42']

  it('fixed64 times become the exact decimal string', () => {
    for (const text of unsigned) {
      const bytes = protobuf.Writer.create().fixed64(Long.fromString(text, true)).finish()
      expect(readNanos(readerOf(bytes))).toBe(text)
    }
  })

  it('int64 values become the exact bigint, negative ones included', () => {
    for (const text of [...signed, ...unsigned]) {
      const value = Long.fromString(text, !text.startsWith('-') && BigInt(text) > 2n ** 63n - 1n)
      const bytes = protobuf.Writer.create().int64(value).finish()
      expect(readInt64(readerOf(bytes))).toBe(BigInt.asIntN(64, BigInt(text)))
    }
  })

  it('a truncated fixed64 is out of range, not a short read', () => {
    expect(() => readNanos(readerOf(Buffer.from([1, 2, 3])))).toThrow(/index out of range/)
  })
})
