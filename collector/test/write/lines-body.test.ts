import { describe, expect, it } from 'vitest'
import { joinBodies, linesBody } from '../../src/write/lines-body.js'

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

  it('returns a buffer the next call does not overwrite', () => {
    const first = linesBody([{ s: 'first' }], line)
    linesBody([{ s: 'second' }], line)
    expect(first.toString()).toBe('{"s":"first"}')
  })
})

describe('joinBodies', () => {
  it('joins exports like their lines, skipping empty ones', () => {
    const a = linesBody([{ s: 'a' }, { s: 'b' }], line)
    const c = linesBody([{ s: 'c' }], line)
    expect(joinBodies([a, Buffer.alloc(0), c]).toString()).toBe('{"s":"a"}\n{"s":"b"}\n{"s":"c"}')
    expect(joinBodies([a])).toBe(a)
    expect(joinBodies([Buffer.alloc(0)]).length).toBe(0)
    expect(joinBodies([]).length).toBe(0)
  })
})
