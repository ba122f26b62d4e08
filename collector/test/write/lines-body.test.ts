import { describe, expect, it } from 'vitest'
import { JsonBytes } from '../../src/write/json-bytes.js'
import { appendLines, linesBody } from '../../src/write/lines-body.js'

const line = (row: { s: string }) => JSON.stringify(row)

describe('linesBody', () => {
  it('is the UTF-8 encoding of the lines joined with newlines', () => {
    const rows = [{ s: 'a' }, { s: 'é ✓ 😀 \u0000 "q"' }, { s: '\ud800 lone surrogate' }]
    expect(linesBody(rows, line)).toEqual(Buffer.from(rows.map(line).join('\n')))
  })

  it('is empty for no rows', () => {
    expect(linesBody([], line).length).toBe(0)
  })

  it('grows past its scratch buffer, and stays correct for the next body', () => {
    const big = Array.from({ length: 40 }, (_, i) => ({ s: `${i}`.padEnd(200_000, '✓') })) // ~24 MB of UTF-8
    expect(linesBody(big, line).equals(Buffer.from(big.map(line).join('\n')))).toBe(true)
    const small = [{ s: 'x' }, { s: 'y' }]
    expect(linesBody(small, line).toString()).toBe('{"s":"x"}\n{"s":"y"}')
  })

  it('appends to a buffer that holds lines already, each after a newline', () => {
    const out = new JsonBytes(4)
    appendLines(out, [{ s: 'a' }, { s: 'b' }], line)
    appendLines(out, [], line)
    appendLines(out, [{ s: 'c' }], line)
    expect(out.buf.subarray(0, out.pos).toString()).toBe('{"s":"a"}\n{"s":"b"}\n{"s":"c"}')
  })

  it('leaves the buffer as it was when a line throws', () => {
    const out = new JsonBytes(64)
    appendLines(out, [{ s: 'kept' }], line)
    const throwing = (row: { s: string }) => {
      if (row.s === 'bad') throw new TypeError('cannot serialize')
      return line(row)
    }
    expect(() => appendLines(out, [{ s: 'ok' }, { s: 'bad' }], throwing)).toThrow('cannot serialize')
    expect(out.buf.subarray(0, out.pos).toString()).toBe('{"s":"kept"}')
  })
})
