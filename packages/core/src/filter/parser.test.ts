import { describe, expect, it } from 'vitest'
import type { Comparison, FilterExpr } from './ast.js'
import { parseFilter } from './parser.js'

/** A comparison without its position, for compact expectations. */
function cmp(expr: FilterExpr): Omit<Comparison, 'at' | 'type'> {
  if (expr.type !== 'compare') throw new Error(`expected a comparison, got ${expr.type}`)
  const { at: _at, type: _type, ...rest } = expr
  return rest
}

const str = (value: string) => ({ kind: 'string', value })

describe('parseFilter: structure', () => {
  it('binds AND tighter than OR, and flattens chains', () => {
    const e = parseFilter("span.name = 'a' OR span.name = 'b' AND span.name = 'c' OR span.name = 'd'")
    expect(e.type).toBe('or')
    if (e.type !== 'or') return
    expect(e.items.map((i) => i.type)).toEqual(['compare', 'and', 'compare'])
  })

  it('honours parentheses and NOT', () => {
    const e = parseFilter("NOT (span.name = 'a' OR span.name = 'b') AND NOT NOT span.kind = LLM")
    expect(e).toMatchObject({
      type: 'and',
      items: [
        { type: 'not', expr: { type: 'or' } },
        { type: 'not', expr: { type: 'not', expr: { type: 'compare' } } },
      ],
    })
  })

  it('reads keywords in any case', () => {
    expect(parseFilter("span.name like 'a%' and not span.kind in (llm, tool)")).toMatchObject({
      type: 'and',
      items: [{ op: 'like' }, { type: 'not', expr: { op: 'in' } }],
    })
  })

  it('records where each comparison starts', () => {
    const e = parseFilter("span.kind = 'LLM'\n  AND span.name = 'x'")
    expect(e.type === 'and' && e.items[1]!.type === 'compare' && e.items[1]!.at).toEqual({
      offset: 24,
      line: 2,
      column: 7,
    })
  })
})

describe('parseFilter: fields and values', () => {
  it('normalizes enum values, bare or quoted, in any case', () => {
    expect(cmp(parseFilter('span.kind = retriever'))).toEqual({
      field: { name: 'span.kind' },
      op: '=',
      value: str('RETRIEVER'),
    })
    expect(cmp(parseFilter("trace.status != 'error'")).value).toEqual(str('ERROR'))
  })

  it('matches fixed field names in any case', () => {
    expect(cmp(parseFilter("Span.Name = 'x'")).field).toEqual({ name: 'span.name' })
  })

  it('takes durations and numbers for number fields', () => {
    expect(cmp(parseFilter('trace.duration_ms > 2s')).value).toMatchObject({ kind: 'number', value: 2000 })
    expect(cmp(parseFilter('span.duration_ms <= 1.5m')).value).toMatchObject({ value: 90_000 })
    expect(cmp(parseFilter('trace.cost >= 0.05')).value).toMatchObject({ value: 0.05 })
    expect(cmp(parseFilter('span.tokens IN (10, 20)')).value).toMatchObject({
      kind: 'list',
      items: [{ value: 10 }, { value: 20 }],
    })
  })

  it('reads keyed fields: dotted, dashed and quoted keys keep their case', () => {
    expect(cmp(parseFilter("span.attributes.gen_ai.Request.model = 'gpt-4o'")).field).toEqual({
      name: 'span.attributes',
      key: 'gen_ai.Request.model',
    })
    expect(cmp(parseFilter("metadata.x-request-id = 'r1'")).field).toEqual({
      name: 'metadata',
      key: 'x-request-id',
    })
    expect(cmp(parseFilter(`span.attributes."weird key" = 'v'`)).field).toEqual({
      name: 'span.attributes',
      key: 'weird key',
    })
    expect(cmp(parseFilter(`tag.'a "b"' = ''`)).field).toEqual({ name: 'tag', key: 'a "b"' })
  })

  it('reads a keyed field alone as "the key exists"', () => {
    expect(cmp(parseFilter('tag.vip'))).toEqual({
      field: { name: 'tag', key: 'vip' },
      op: 'exists',
      value: { kind: 'none' },
    })
    expect(parseFilter('(tag.vip OR feedback.thumbs) AND metadata.tenant')).toMatchObject({
      type: 'and',
      items: [{ type: 'or', items: [{ op: 'exists' }, { op: 'exists' }] }, { op: 'exists' }],
    })
  })

  it('types attribute and feedback values: strings, numbers, booleans', () => {
    expect(cmp(parseFilter('span.attributes.x = true')).value).toEqual({ kind: 'boolean', value: true })
    expect(cmp(parseFilter('feedback.correctness >= 0.8')).value).toMatchObject({
      kind: 'number',
      value: 0.8,
    })
    expect(cmp(parseFilter("feedback.tone IN ('rude', 'curt')")).value).toMatchObject({ kind: 'list' })
  })

  it('takes a number written for a text field as its text', () => {
    expect(cmp(parseFilter('user.id = 00123')).value).toEqual(str('00123'))
  })

  it('reads prompt references, text search and negated operators', () => {
    expect(cmp(parseFilter('prompt = "support/3"')).value).toEqual(str('support/3'))
    expect(cmp(parseFilter("text ILIKE '%timeout%'")).op).toBe('ilike')
    expect(cmp(parseFilter("span.name NOT LIKE 'a%'")).op).toBe('not like')
    expect(cmp(parseFilter("span.name NOT ILIKE 'a%'")).op).toBe('not ilike')
    expect(cmp(parseFilter("span.name NOT IN ('a')")).op).toBe('not in')
  })

  it('accepts every listed field', () => {
    const filters = [
      "trace.status = 'OK'",
      "trace.name = 'x'",
      'trace.duration_ms > 1',
      'trace.tokens > 1',
      'trace.cost > 1',
      "span.kind = 'LLM'",
      "span.name = 'x'",
      "span.model = 'x'",
      "span.status = 'ERROR'",
      'span.duration_ms > 1',
      'span.tokens > 1',
      'span.cost > 1',
      "span.provider = 'openai'",
      "span.attributes.k = 'v'",
      "metadata.k = 'v'",
      "session.id = 's'",
      "user.id = 'u'",
      "model.id = 'm'",
      "prompt = 'p'",
      'feedback.k = 1',
      "tag.k = 'v'",
      "text LIKE '%x%'",
      "service.name = 's'",
      "environment = 'prod'",
    ]
    for (const f of filters) expect(() => parseFilter(f), f).not.toThrow()
  })
})
