import { describe, expect, it } from 'vitest'
import { parseFilter } from './parser.js'
import { quoteFilterValue, suggestFilter } from './suggest.js'

/** Labels suggested with the cursor at `|`. */
function labels(withCursor: string): string[] {
  const at = withCursor.indexOf('|')
  return suggestFilter(withCursor.replace('|', ''), at).items.map((s) => s.label)
}

describe('suggestFilter', () => {
  it('offers fields, NOT and ( where a condition starts', () => {
    const start = labels('|')
    expect(start).toEqual(
      expect.arrayContaining(['span.kind', 'trace.status', 'span.attributes.', 'NOT', '(']),
    )
    expect(labels("span.kind = 'LLM' AND |")).toContain('span.name')
    expect(labels('NOT (|')).toContain('trace.name')
  })

  it('completes a partial field name and says what it replaces', () => {
    expect(labels('span.kin|')).toEqual(['span.kind'])
    expect(suggestFilter('x = 1 AND trace.d', 17)).toMatchObject({ from: 10, to: 17 })
    expect(labels('trace.d|')).toEqual(['trace.duration_ms'])
  })

  it('asks for recent keys after a keyed prefix', () => {
    expect(suggestFilter('span.attributes.gen', 19)).toMatchObject({
      items: [],
      values: { field: 'span.attributes', prefix: 'gen', keys: true },
    })
  })

  it('offers the operators of the field', () => {
    expect(labels('span.kind |')).toEqual(['=', '!=', 'IN', 'NOT IN'])
    expect(labels('trace.duration_ms |')).toContain('>=')
    expect(labels('text |')).toEqual(['LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE'])
    expect(labels('span.name L|')).toEqual(['LIKE'])
    expect(labels('span.name NOT |')).toEqual(['IN', 'LIKE', 'ILIKE'])
  })

  it('offers operators and connectives after a keyed field alone', () => {
    const after = labels('tag.vip |')
    expect(after).toEqual(expect.arrayContaining(['=', 'LIKE', 'AND', 'OR']))
  })

  it('offers enum values, filtered by what is typed, quoted for insertion', () => {
    expect(labels('span.kind = |')).toContain('RETRIEVER')
    const s = suggestFilter("span.kind = 're", 15)
    expect(s.items.map((i) => i.insertText)).toEqual(["'RETRIEVER'", "'RERANKER'"])
    expect(s).toMatchObject({ from: 12, to: 15 })
    expect(labels('span.kind IN (LLM, |')).toContain('TOOL')
    expect(labels('span.kind IN |')).toEqual(['('])
  })

  it('points text fields at recently seen values', () => {
    expect(suggestFilter("span.name = 'chat", 17)).toMatchObject({
      items: [],
      values: { field: 'span.name', prefix: 'chat' },
    })
    expect(suggestFilter('metadata.tenant = ', 18).values).toEqual({ field: 'metadata.tenant', prefix: '' })
    expect(labels('feedback.helpful = |')).toEqual(['true', 'false'])
  })

  it('offers connectives after a complete condition, and ) inside parentheses', () => {
    expect(labels("span.kind = 'LLM' |")).toEqual(['AND', 'OR'])
    expect(labels("(span.kind = 'LLM' |")).toEqual(['AND', 'OR', ')'])
    expect(labels("span.kind = 'LLM' a|")).toEqual(['AND'])
  })

  it('offers nothing inside a number, after a syntax error, or for text it cannot read', () => {
    expect(labels('span.tokens > 12|')).toEqual([])
    expect(labels("span.kind = 'LLM' ; |")).toEqual([])
    expect(labels("span.knd = 'LLM' AND |")).toEqual([])
  })

  it('uses only the text before the cursor and clamps the cursor', () => {
    expect(labels("span.kin| = 'LLM'")).toEqual(['span.kind'])
    expect(suggestFilter('span.kin', 999)).toMatchObject({ from: 0, to: 8 })
    expect(suggestFilter('span.kin', -5)).toMatchObject({ from: 0, to: 0 })
  })

  it('quotes a fetched value so that it parses back to itself', () => {
    for (const v of ["it's", 'a\\b', "'; DROP --", '😀']) {
      expect(parseFilter(`span.name = ${quoteFilterValue(v)}`)).toMatchObject({ value: { value: v } })
    }
  })

  it('offers nothing for a filter over the size limit', () => {
    expect(suggestFilter(`span.name = '${'x'.repeat(200_000)}' AND `, 200_020).items).toEqual([])
  })
})
