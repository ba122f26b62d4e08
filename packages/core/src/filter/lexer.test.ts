import { describe, expect, it } from 'vitest'
import { FilterError } from './errors.js'
import { lex } from './lexer.js'

const types = (text: string) => lex(text).map((t) => t.type)

describe('lex', () => {
  it('splits words, operators, strings, numbers and punctuation', () => {
    expect(types("span.kind='LLM' AND (x IN (1, 2))")).toEqual([
      'word',
      'op',
      'string',
      'word',
      '(',
      'word',
      'word',
      '(',
      'number',
      ',',
      'number',
      ')',
      ')',
      'eof',
    ])
  })

  it('reads every comparison operator, and <> as !=', () => {
    const ops = lex('= != < <= > >= <>').flatMap((t) => (t.type === 'op' ? [t.text] : []))
    expect(ops).toEqual(['=', '!=', '<', '<=', '>', '>=', '!='])
  })

  it('reads durations in milliseconds', () => {
    const values = lex('500ms 2s 1.5m 1h 3 -4.5 1e3').flatMap((t) => (t.type === 'number' ? [t.value] : []))
    expect(values).toEqual([500, 2000, 90_000, 3_600_000, 3, -4.5, 1000])
  })

  it('unescapes strings and keeps LIKE escapes', () => {
    const [a, b, c] = lex(String.raw`'it\'s' "say \"hi\"\n" '100\%'`)
    expect(a).toMatchObject({ type: 'string', value: "it's" })
    expect(b).toMatchObject({ type: 'string', value: 'say "hi"\n' })
    expect(c).toMatchObject({ type: 'string', value: '100\\%' })
  })

  it('reads a quoted key as part of its field', () => {
    expect(lex(`span.attributes."weird key" = 1`)[0]).toMatchObject({
      type: 'word',
      text: 'span.attributes',
      quotedKey: 'weird key',
    })
  })

  it('reads keys with dots, dashes, colons and letters of any script', () => {
    expect(lex('metadata.x-request-id:v2.größe')[0]).toMatchObject({ text: 'metadata.x-request-id:v2.größe' })
  })

  it('tracks line and column (in characters) across lines and astral characters', () => {
    const tokens = lex("'😀😀' =\n  foo")
    expect(tokens[1]!.at).toEqual({ offset: 7, line: 1, column: 6 })
    expect(tokens[2]!.at).toEqual({ offset: 11, line: 2, column: 3 })
  })

  it('rejects characters outside the language, with a position', () => {
    for (const [text, column] of [
      ['a;', 2],
      ['a /* x */', 3],
      ['a -- x', 3],
      ['a && b', 3],
      ['a ! b', 3],
      ['`a`', 1],
    ] as const) {
      const error = catchError(() => lex(text))
      expect(error.reason).toMatch(/^unexpected character/)
      expect(error.position.column).toBe(column)
    }
  })

  it('rejects an unterminated string, an unknown escape and an unknown unit', () => {
    expect(catchError(() => lex("x = 'abc")).message).toBe("unterminated string at 1:5 — add a closing '")
    expect(catchError(() => lex(String.raw`'a\qb'`)).message).toMatch(
      /^unknown escape '\\q' in a string at 1:3/,
    )
    expect(catchError(() => lex('5sec')).message).toBe(
      "unknown duration unit 'sec' at 1:2 — use ms, s, m or h",
    )
  })

  it('in partial mode returns an unterminated string as a token', () => {
    expect(lex("x = 'ab", { partial: true })[2]).toMatchObject({
      type: 'string',
      value: 'ab',
      unterminated: true,
    })
  })
})

function catchError(fn: () => unknown): FilterError {
  try {
    fn()
  } catch (error) {
    if (error instanceof FilterError) return error
    throw error
  }
  throw new Error('expected a FilterError')
}
