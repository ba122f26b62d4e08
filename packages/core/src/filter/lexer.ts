/**
 * The lexer: filter text to tokens, each with its position. Words are
 * field names, keywords (AND, OR, NOT, LIKE, ILIKE, IN, TRUE, FALSE; any
 * case) and bare enum values; a word may end in a quoted key
 * (`span.attributes."weird key"`). Anything that is not part of the
 * language (`;`, `--`, `/*`, `&&`) is an error here, with its position:
 * there is no character the lexer silently skips besides whitespace.
 *
 * `partial` mode (for suggestions) returns an unterminated string at the
 * end as a token instead of failing.
 */
import { FilterError } from './errors.js'
import type { FilterPosition } from './position.js'

export type Token =
  | { type: 'word'; text: string; quotedKey?: string; at: FilterPosition; end: number }
  | { type: 'string'; value: string; at: FilterPosition; end: number; unterminated?: boolean }
  | { type: 'number'; value: number; text: string; duration: boolean; at: FilterPosition; end: number }
  | { type: 'op'; text: '=' | '!=' | '<' | '<=' | '>' | '>='; at: FilterPosition; end: number }
  | { type: '(' | ')' | ','; at: FilterPosition; end: number }
  | { type: 'eof'; at: FilterPosition; end: number }

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r' }

const WORD_START = /[\p{L}_]/u
const WORD_PART = /[\p{L}\p{M}\p{N}_.:-]/u
const DIGIT = /[0-9]/

const HINTS: Record<string, string> = {
  ';': 'a filter is one condition; join conditions with AND or OR',
  '&': 'write AND',
  '|': 'write OR',
  '/': 'comments are not part of the language',
  '`': 'quote values with \' or "',
  '!': 'write NOT, or != for "not equal"',
}

export function lex(text: string, options: { partial?: boolean } = {}): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  let column = 1
  const here = (): FilterPosition => ({ offset: i, line, column })
  // Advance over text[i..to), keeping line and column (columns count code points).
  const advanceTo = (to: number) => {
    for (; i < to; i++) {
      const code = text.charCodeAt(i)
      if (code === 10) {
        line++
        column = 1
      } else if (code < 0xdc00 || code > 0xdfff) {
        column++
      }
    }
  }

  while (true) {
    while (i < text.length && /\s/.test(text[i]!)) advanceTo(i + 1)
    const at = here()
    if (i >= text.length) {
      tokens.push({ type: 'eof', at, end: i })
      return tokens
    }
    const c = text[i]!
    const next = text[i + 1]
    if (c === '(' || c === ')' || c === ',') {
      advanceTo(i + 1)
      tokens.push({ type: c, at, end: i })
    } else if (c === '=' || c === '<' || c === '>' || (c === '!' && next === '=')) {
      if (c === '=' && next === '=') throw new FilterError("unexpected '=='", at, ['='], "write a single '='")
      const two = next === '=' ? `${c}=` : c === '<' && next === '>' ? '!=' : c
      advanceTo(i + (next === '=' || two === '!=' ? 2 : 1))
      tokens.push({ type: 'op', text: two as '=', at, end: i })
    } else if (c === "'" || c === '"') {
      const { value, end, unterminated } = readString(text, i, at, options.partial === true)
      advanceTo(end)
      tokens.push({ type: 'string', value, at, end, ...(unterminated ? { unterminated } : {}) })
    } else if (DIGIT.test(c) || (c === '-' && next !== undefined && DIGIT.test(next))) {
      const token = readNumber(text, i, at)
      advanceTo(token.end)
      tokens.push(token)
    } else if (WORD_START.test(c)) {
      let end = i + 1
      while (end < text.length && WORD_PART.test(text[end]!)) end++
      const word = text.slice(i, end)
      const quote = text[end]
      if (word.endsWith('.') && (quote === '"' || quote === "'")) {
        // `span.attributes."weird key"`: the quoted part is the key.
        advanceTo(end)
        const key = readString(text, end, here(), options.partial === true)
        advanceTo(key.end)
        tokens.push({ type: 'word', text: word.slice(0, -1), quotedKey: key.value, at, end: i })
      } else {
        advanceTo(end)
        tokens.push({ type: 'word', text: word, at, end })
      }
    } else {
      const shown = String.fromCodePoint(text.codePointAt(i)!)
      const hint = c === '-' && next === '-' ? HINTS['/'] : HINTS[c]
      throw new FilterError(`unexpected character '${shown}'`, at, [], hint)
    }
  }
}

function readString(
  text: string,
  start: number,
  at: FilterPosition,
  partial: boolean,
): { value: string; end: number; unterminated?: boolean } {
  const quote = text[start]!
  let value = ''
  let i = start + 1
  while (i < text.length) {
    const c = text[i]!
    if (c === quote) return { value, end: i + 1 }
    if (c === '\\') {
      const e = text[i + 1]
      if (e !== undefined && e in ESCAPES) value += ESCAPES[e]
      // LIKE's own escapes stay as written: '100\%' matches a literal percent sign.
      else if (e === '%' || e === '_') value += `\\${e}`
      else if (e === undefined) break
      else {
        throw new FilterError(
          `unknown escape '\\${e}' in a string`,
          { ...at, offset: i, column: at.column + (i - start) },
          [],
          'escapes are \\\\, \\\', \\", \\n, \\t, \\r (and \\%, \\_ in LIKE patterns)',
        )
      }
      i += 2
      continue
    }
    value += c
    i++
  }
  if (partial) return { value, end: text.length, unterminated: true }
  throw new FilterError('unterminated string', at, [quote], `add a closing ${quote}`)
}

function readNumber(text: string, start: number, at: FilterPosition): Token & { type: 'number' } {
  const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(start, start + 400))!
  let end = start + match[0].length
  let value = Number(match[0])
  let duration = false
  const unit = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(end, end + 64))?.[0]
  if (unit !== undefined) {
    const factor = DURATION_MS[unit.toLowerCase()]
    if (factor === undefined) {
      throw new FilterError(
        `unknown duration unit '${unit}'`,
        { ...at, offset: end, column: at.column + match[0].length },
        ['ms', 's', 'm', 'h'],
        'use ms, s, m or h',
      )
    }
    value *= factor
    duration = true
    end += unit.length
  }
  if (!Number.isFinite(value)) throw new FilterError(`number out of range '${match[0]}'`, at)
  return { type: 'number', value, text: text.slice(start, end), duration, at, end }
}
