// Hostile filters against real chDB: the right rows or a FilterError, never SQL built from a value.
import {
  type FilterExpr,
  MAX_FILTER_BYTES,
  MAX_FILTER_CONDITIONS,
  MAX_FILTER_DEPTH,
  parseFilter,
} from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileSpanFilter, compileTraceFilter } from '../../src/clickhouse/filter/index.js'
import type { ClickHouse } from '../../src/clickhouse/index.js'
import { HOSTILE, seedWorld, spanNames, traceLetters, type World } from './filter-fixtures.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

let ch: ClickHouse
let world: World
beforeAll(async () => {
  ch = await openTestClickHouse()
  world = await seedWorld(ch)
})
afterAll(() => closeTestClickHouse(ch))

/** A filter string literal for any value. */
const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

function sqlOf(filter: string): string {
  const expr = parseFilter(filter)
  const trace = compileTraceFilter(expr, { database: ch.database })
  return [
    compileSpanFilter(expr, { database: ch.database }).sql,
    trace.where?.sql ?? '',
    trace.having.sql,
  ].join('\n')
}

describe('hostile values and keys', () => {
  it('find exactly the rows that hold them, and never reach the SQL text', async () => {
    const cases: [string, string, string[]][] = [
      [`span.name = ${quote(HOSTILE.name)}`, HOSTILE.name, [HOSTILE.name]],
      [`span.attributes.${quote(HOSTILE.key)} = ${quote(HOSTILE.value)}`, HOSTILE.key, ['c-child']],
      [`span.attributes.${quote(HOSTILE.key)} = ${quote(HOSTILE.value)}`, HOSTILE.value, ['c-child']],
      [`span.attributes.${quote(HOSTILE.key)} LIKE '%DROP TABLE%'`, 'DROP TABLE', ['c-child']],
      [
        `metadata.${HOSTILE.unicodeKey} = ${quote(HOSTILE.unicodeValue)}`,
        HOSTILE.unicodeValue,
        ['c-child', HOSTILE.name],
      ],
      [`span.name LIKE ${quote("%' OR '%")}`, "' OR '", [HOSTILE.name]],
      [`span.name IN (${quote(HOSTILE.name)}, 'a-root')`, HOSTILE.name, ['a-root', HOSTILE.name]],
      ["span.name = '{evil:String}'", '{evil:String}', []],
      ["span.name = 'SELECT * FROM system.tables'", 'system.tables', []],
      [`span.name = ${quote('a\\b\u0000c\nd\te')}`, '\u0000', []],
      [`tag.${quote('a] OR 1=1; --')} = 'x'`, '1=1', []],
      [`feedback.${quote("x') OR ('1'='1")} = 'y'`, "'1'='1", []],
    ]
    for (const [filter, value, expected] of cases) {
      const sql = sqlOf(filter)
      expect(sql, filter).not.toContain(value)
      expect((await spanNames(ch, filter)).sort(), filter).toEqual([...expected].sort())
    }
    const [{ n }] = (await rows<{ n: string }>(ch, `SELECT count() AS n FROM ${ch.database}.spans`)) as [
      { n: string },
    ]
    expect(Number(n)).toBeGreaterThan(0)
  })

  it('finds the hostile trace by its hostile root name', async () => {
    expect(await traceLetters(ch, world, `trace.name = ${quote(HOSTILE.name)}`)).toEqual(['C'])
  })
})

describe('large and deep filters run', () => {
  it(`${MAX_FILTER_CONDITIONS} conditions, the most SQL per condition, compile to a query chDB accepts`, async () => {
    const conditions = Array.from(
      { length: MAX_FILTER_CONDITIONS },
      (_, i) => `span.attributes."k${i} with a longish key" > ${i}`,
    )
    const filter = `${conditions.join(' OR ')}`.replace(
      /^span.attributes."k0 with a longish key" > 0/,
      'span.attributes.top_k > 10',
    )
    expect(await spanNames(ch, filter)).toEqual(['b-retriever'])
    const mixed = `trace.duration_ms > 0 AND (${conditions.slice(2).join(' OR ')} OR span.attributes.top_k > 10)`
    expect(await traceLetters(ch, world, mixed)).toEqual(['B'])
  })

  it('a 100 KB IN list runs as one parameter', async () => {
    const names = Array.from({ length: 7900 }, (_, i) => quote(`name-${i}`))
    const filter = `span.name IN (${[...names, "'b-llm'"].join(', ')})`
    expect(Buffer.byteLength(filter)).toBeLessThanOrEqual(MAX_FILTER_BYTES)
    expect(Buffer.byteLength(filter)).toBeGreaterThan(MAX_FILTER_BYTES * 0.9)
    expect(await spanNames(ch, filter)).toEqual(['b-llm'])
  })

  it(`${MAX_FILTER_DEPTH} levels of NOT and parentheses run`, async () => {
    const nots = `${'NOT '.repeat(MAX_FILTER_DEPTH)}span.kind = 'TOOL'` // an even count: the same as no NOT
    expect(await spanNames(ch, nots)).toEqual(['a-tool', 'c-child'])
    expect(await traceLetters(ch, world, nots)).toEqual(['A', 'C'])
    const parens = `${'('.repeat(MAX_FILTER_DEPTH)}trace.status = 'ERROR'${')'.repeat(MAX_FILTER_DEPTH)}`
    expect(await traceLetters(ch, world, parens)).toEqual(['A'])
  })
})

describe('compiler guards', () => {
  it('names parameters with the given prefix, so two filters share a query', async () => {
    const a = compileSpanFilter(parseFilter("span.kind = 'LLM'"), { database: ch.database, paramPrefix: 'a' })
    const b = compileSpanFilter(parseFilter("span.provider = 'openai'"), {
      database: ch.database,
      paramPrefix: 'b',
    })
    expect(a.params).toEqual({ a0: 'LLM' })
    const found = await rows<{ name: string }>(
      ch,
      `SELECT name FROM ${ch.database}.spans WHERE ${a.sql} AND ${b.sql}`,
      { ...a.params, ...b.params },
    )
    expect(found.map((r) => r.name)).toEqual(['a-llm'])
  })

  it('refuses a prefix or database name that is not an identifier, and a hand-made unknown field', () => {
    const expr = parseFilter("span.kind = 'LLM'")
    expect(() => compileSpanFilter(expr, { database: ch.database, paramPrefix: 'a}' })).toThrow(TypeError)
    expect(() => compileTraceFilter(parseFilter('feedback.x'), { database: 'db; DROP' })).toThrow(TypeError)
    const forged: FilterExpr = {
      type: 'compare',
      field: { name: "name = '' OR 1=1 --" },
      op: '=',
      value: { kind: 'string', value: 'x' },
      at: { offset: 0, line: 1, column: 1 },
    }
    expect(() => compileSpanFilter(forged, { database: ch.database })).toThrow(TypeError)
    expect(() => compileTraceFilter(forged, { database: ch.database })).toThrow(TypeError)
  })
})
