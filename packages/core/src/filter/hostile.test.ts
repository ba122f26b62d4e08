// Hostile input gets a correct parse or a FilterError with a position: never another exception, never a hang.
import { describe, expect, it } from 'vitest'
import { FilterError } from './errors.js'
import { MAX_FILTER_BYTES, MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH } from './limits.js'
import { parseFilter } from './parser.js'

function outcome(text: string): 'ok' | FilterError {
  try {
    parseFilter(text)
    return 'ok'
  } catch (error) {
    if (error instanceof FilterError) return error
    throw error
  }
}

describe('hostile filters', () => {
  it('keeps quotes, comments, semicolons and SQL inside a string as the value', () => {
    const values = [
      "x' OR '1'='1",
      "'; DROP TABLE spans; --",
      '/* comment */',
      '\\',
      '{f0:String}',
      '$1 ? :name',
      '\u0000\u0007\u001b[31m',
      '😀 لا 中文 \u202e',
    ]
    for (const v of values) {
      const quoted = `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
      expect(parseFilter(`span.name = ${quoted}`)).toMatchObject({ value: { kind: 'string', value: v } })
    }
  })

  it('keeps SQL keywords and punctuation in attribute keys as the key', () => {
    for (const key of ["x') OR 1=1 --", 'a]; DROP TABLE spans', 'SELECT', 'a"b', "a'b", '']) {
      if (key === '') {
        expect(outcome(`span.attributes."" = 'v'`)).toBeInstanceOf(FilterError)
        continue
      }
      const quoted = key.includes('"') ? `'${key.replace(/'/g, "\\'")}'` : `"${key}"`
      expect(parseFilter(`span.attributes.${quoted} = 'v'`)).toMatchObject({
        field: { name: 'span.attributes', key },
      })
    }
    expect(parseFilter("metadata.select.from.where = 'drop'")).toMatchObject({
      field: { key: 'select.from.where' },
    })
  })

  it('rejects SQL outside strings at the first character that is not the language', () => {
    const cases: [string, number][] = [
      ["span.name = 'a'; DROP TABLE spans", 16],
      ["span.name = 'a' -- comment", 17],
      ["span.name = 'a' /* c */", 17],
      ['span.name = 1 UNION SELECT 1', 15],
      ["span.name = 'a' OR 1=1", 20],
      ['span.name = spans.name', 13],
      ['span.name = (SELECT 1)', 13],
    ]
    for (const [text, column] of cases) {
      const e = outcome(text)
      expect(e, text).toBeInstanceOf(FilterError)
      expect((e as FilterError).position.column, text).toBe(column)
    }
  })

  it('rejects nesting past the limit without overflowing the stack', () => {
    const ok = `${'('.repeat(MAX_FILTER_DEPTH)}span.name = 'a'${')'.repeat(MAX_FILTER_DEPTH)}`
    expect(outcome(ok)).toBe('ok')
    const deep = outcome(
      `${'('.repeat(MAX_FILTER_DEPTH + 1)}span.name = 'a'${')'.repeat(MAX_FILTER_DEPTH + 1)}`,
    )
    expect((deep as FilterError).message).toBe(
      `filter nests deeper than 64 levels at 1:${MAX_FILTER_DEPTH + 1}`,
    )
    expect(outcome('('.repeat(100_000))).toBeInstanceOf(FilterError)
    expect(outcome(`${'NOT '.repeat(20_000)}tag.x`)).toBeInstanceOf(FilterError)
  })

  it('parses a 100 KB filter and rejects a larger one with its size', () => {
    const values = Array.from({ length: 11_000 }, (_, i) => `'v${i}'`).join(', ')
    const big = `span.name IN (${values})`.padEnd(MAX_FILTER_BYTES, ' ')
    expect(Buffer.byteLength(big)).toBe(MAX_FILTER_BYTES)
    expect(outcome(big)).toBe('ok')
    const tooBig = outcome(`${big} `)
    expect((tooBig as FilterError).message).toBe(
      `filter is too long (${MAX_FILTER_BYTES + 1} bytes, the limit is ${MAX_FILTER_BYTES}) at 1:1`,
    )
    // Bytes, not characters: 40 000 four-byte characters are 160 KB.
    expect(outcome(`span.name = '${'😀'.repeat(40_000)}'`)).toBeInstanceOf(FilterError)
  })

  it('bounds the number of conditions', () => {
    const conditions = (n: number) => Array.from({ length: n }, (_, i) => `span.tokens = ${i}`).join(' OR ')
    expect(outcome(conditions(MAX_FILTER_CONDITIONS))).toBe('ok')
    expect((outcome(conditions(MAX_FILTER_CONDITIONS + 1)) as FilterError).reason).toBe(
      `filter has more than ${MAX_FILTER_CONDITIONS} conditions`,
    )
  })

  it('keeps error messages short when the offending text is huge', () => {
    const e = outcome(`${'x'.repeat(90_000)} = 1`) as FilterError
    expect(e.message.length).toBeLessThan(300)
    const v = outcome(`span.kind = '${'y'.repeat(90_000)}'`) as FilterError
    expect(v.message.length).toBeLessThan(300)
  })

  it('survives random byte soup', () => {
    const alphabet = `()'"\\=!<>,.;-*/ aZ09_ANDORNOTLIKEIN\n\t😀é\u0000`
    let seed = 42
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let n = 0; n < 2000; n++) {
      const len = Math.floor(rand() * 40)
      let text = ''
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)]
      const result = outcome(text)
      if (result !== 'ok') expect(result.position.offset).toBeLessThanOrEqual(text.length)
    }
  })
})
