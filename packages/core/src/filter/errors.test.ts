// Every rejected filter says where and what was expected.
import { describe, expect, it } from 'vitest'
import { FilterError } from './errors.js'
import { parseFilter } from './parser.js'

function errorOf(text: string): FilterError {
  try {
    parseFilter(text)
  } catch (error) {
    if (error instanceof FilterError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`)
}

describe('filter errors', () => {
  it('names an unknown field and the nearest known one', () => {
    expect(errorOf("span.knd = 'LLM'").message).toBe(
      "unknown field 'span.knd' at 1:1 — did you mean 'span.kind'?",
    )
    expect(errorOf("span.atributes.http.method = 'GET'").message).toBe(
      "unknown field 'span.atributes.http.method' at 1:1 — did you mean 'span.attributes.http.method'?",
    )
    expect(errorOf("banana = 'x'").hint).toMatch(/^fields are/)
  })

  it('says when a keyed field lacks its key', () => {
    expect(errorOf("metadata = 'x'").message).toMatch(/^'metadata' needs a key at 1:1/)
  })

  it('reports an operator the field does not take', () => {
    const e = errorOf("trace.duration_ms LIKE '%x'")
    expect(e.message).toBe("'trace.duration_ms' is a number; LIKE needs a text field at 1:19")
    expect(e.expected).toContain('>=')
    expect(errorOf("span.name > 'a'").message).toBe("'span.name' is text; > needs a number field at 1:11")
    expect(errorOf("span.kind LIKE 'L%'").reason).toBe(
      "'span.kind' is one of a fixed set of values; LIKE needs a text field",
    )
  })

  it('reports a value of the wrong type', () => {
    expect(errorOf("span.duration_ms > 'slow'").message).toBe(
      "'span.duration_ms' is a number; expected a number or a duration (500ms, 2s), found string 'slow' at 1:20",
    )
    expect(errorOf('span.name = foo').hint).toBe("put it in quotes: 'foo'")
    expect(errorOf('trace.tokens > 2s').hint).toBe('a duration needs a *.duration_ms field')
    expect(errorOf('span.attributes.x LIKE 5').reason).toMatch(/expected a quoted pattern/)
    expect(errorOf("feedback.x > 'a'").reason).toMatch(/expected a number/)
    expect(errorOf("feedback.x IN (1, 'a')").reason).toBe("'feedback.x' IN needs all numbers or all strings")
  })

  it('validates enum values with a suggestion', () => {
    const e = errorOf("span.kind = 'RETREIVER'")
    expect(e.message).toBe("unknown value 'RETREIVER' for 'span.kind' at 1:13 — did you mean 'RETRIEVER'?")
    expect(e.expected).toContain("'RETRIEVER'")
    expect(errorOf('trace.status = 3').position.column).toBe(16)
  })

  it('rejects prompt aliases', () => {
    expect(errorOf("prompt = 'support@production'").hint).toBe('write the prompt name, or name/version')
  })

  it('reports what was expected where the syntax breaks', () => {
    expect(errorOf('').message).toBe('empty filter at 1:1')
    expect(errorOf('   \n ').position).toEqual({ offset: 5, line: 2, column: 2 })
    expect(errorOf('span.kind').message).toBe(
      "expected an operator after 'span.kind', found end of input at 1:10",
    )
    expect(errorOf('span.kind =').message).toBe(
      "expected a value for 'span.kind', found end of input at 1:12",
    )
    expect(errorOf("(span.kind = 'LLM'").message).toBe(
      "expected AND, OR or ')', found end of input at 1:19 — add a closing ')'",
    )
    expect(errorOf("span.kind = 'LLM')").hint).toBe("this ')' has no matching '('")
    expect(errorOf("span.kind = 'LLM' ADN span.name = 'x'").message).toBe(
      "expected AND, OR or end of input, found 'ADN' at 1:19 — did you mean AND?",
    )
    expect(errorOf("span.kind = 'LLM' AND").expected).toEqual(['a field', 'NOT', '('])
    expect(errorOf("span.name NOT = 'x'").expected).toEqual(['LIKE', 'ILIKE', 'IN'])
    expect(errorOf("span.name IN 'x'").expected).toEqual(['('])
    expect(errorOf("span.name IN ('x' 'y')").expected).toEqual([',', ')'])
    expect(errorOf("span.name == 'x'").hint).toBe("write a single '='")
  })
})
