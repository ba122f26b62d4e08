// The filter routes through real HTTP on embedded storage.
import { emptySpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../src/errors.js'
import { parseFilterParam } from '../src/routes/filter/parse-param.js'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const now = BigInt(Date.now()) * 1_000_000n

beforeAll(async () => {
  api = await startTestApi()
  const span = (id: string, name: string, attributes: Record<string, string>) => ({
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: 'cccccccccccccccccccccccccccccc01',
      span_id: id,
      start_time: String(now - 60_000_000_000n),
      end_time: String(now - 59_000_000_000n),
    }),
    name,
    attributes,
  })
  await insertSpans(api.clickhouse, [
    span('2000000000000001', 'chat gpt-4o', { 'gen_ai.system': 'openai' }),
    span('2000000000000002', 'chat claude', { 'gen_ai.system': 'anthropic' }),
    span('2000000000000003', 'search docs', {}),
  ])
})
afterAll(() => api.close())

const encode = encodeURIComponent

describe('POST /api/filter/validate', () => {
  it('accepts a valid filter, and a blank one', async () => {
    for (const filter of ["span.kind = 'LLM' AND trace.duration_ms > 2s", '  ']) {
      const res = await api.request('POST', '/filter/validate', { filter })
      expect(res).toEqual({ status: 200, body: { ok: true } })
    }
  })

  it('answers 400 with the position and the expected tokens', async () => {
    const res = await api.request('POST', '/filter/validate', { filter: "span.knd = 'LLM'" })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      error: {
        message: "body.filter: unknown field 'span.knd' at 1:1 — did you mean 'span.kind'?",
        field: 'body.filter',
        position: { line: 1, column: 1, offset: 0 },
        expected: ['a field'],
      },
    })
    const type = await api.request('POST', '/filter/validate', { filter: "trace.duration_ms LIKE '%x'" })
    expect(type.body.error.message).toBe(
      "body.filter: 'trace.duration_ms' is a number; LIKE needs a text field at 1:19",
    )
    expect(type.body.error.expected).toContain('>')
  })

  it('answers hostile input with a 400 or 200, never a 500', async () => {
    const hostile = [
      "span.name = 'a'; DROP TABLE spans",
      "span.name = 'a' -- comment",
      `span.attributes."x') OR 1=1 --" = '\\'; DROP'`,
      '😀 = 1',
      '('.repeat(10_000),
      `span.name IN (${Array.from({ length: 11_000 }, (_, i) => `'v${i}'`).join(',')})`,
      'x'.repeat(200_000),
      '\u0000',
    ]
    for (const filter of hostile) {
      const res = await api.request('POST', '/filter/validate', { filter })
      expect([200, 400], filter.slice(0, 40)).toContain(res.status)
      if (res.status === 400) expect(res.body.error.position.line).toBeGreaterThanOrEqual(1)
    }
  })

  it('rejects a body without a filter string, naming the field', async () => {
    const res = await api.request('POST', '/filter/validate', { filter: 42 })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('body.filter')
  })
})

describe('GET /api/filter/fields', () => {
  it('serves the registry with types, levels, operators and enum values', async () => {
    const res = await api.request('GET', '/filter/fields')
    expect(res.status).toBe(200)
    const kind = res.body.fields.find((f: { name: string }) => f.name === 'span.kind')
    expect(kind).toMatchObject({ type: 'enum', level: 'span', operators: ['=', '!=', 'IN', 'NOT IN'] })
    expect(kind.values).toContain('RETRIEVER')
    const attrs = res.body.fields.find((f: { name: string }) => f.name === 'span.attributes')
    expect(attrs).toMatchObject({ keyed: true, label: 'span.attributes.<key>' })
  })
})

describe('GET /api/filter/suggest', () => {
  it('completes at the cursor', async () => {
    const res = await api.request('GET', `/filter/suggest?q=${encode('span.kind = RE')}&cursor=14`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ from: 12, to: 14 })
    expect(res.body.items.map((i: { insertText: string }) => i.insertText)).toEqual([
      "'RETRIEVER'",
      "'RERANKER'",
    ])
  })

  it('defaults the cursor to the end, and the text to empty', async () => {
    const res = await api.request('GET', `/filter/suggest?q=${encode('span.kin')}`)
    expect(res.body.items.map((i: { label: string }) => i.label)).toEqual(['span.kind'])
    expect((await api.request('GET', '/filter/suggest')).body.items.length).toBeGreaterThan(10)
  })

  it('rejects a negative cursor', async () => {
    expect((await api.request('GET', '/filter/suggest?q=x&cursor=-1')).status).toBe(400)
  })
})

describe('GET /api/filter/values', () => {
  it('lists recent values and keys of the project', async () => {
    const names = await api.request('GET', '/filter/values?field=span.name&prefix=chat')
    expect(names.status).toBe(200)
    expect(names.body.values.sort()).toEqual(['chat claude', 'chat gpt-4o'])
    const keys = await api.request('GET', '/filter/values?field=span.attributes')
    expect(keys.body.values).toEqual(['gen_ai.system'])
    const systems = await api.request(
      'GET',
      `/filter/values?field=${encode('span.attributes.gen_ai.system')}&prefix=ANT`,
    )
    expect(systems.body.values).toEqual(['anthropic'])
  })

  it('answers 400 naming query.field for an unknown field', async () => {
    const res = await api.request('GET', '/filter/values?field=span.nme')
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({
      message: "query.field: unknown field 'span.nme'",
      field: 'query.field',
    })
  })
})

describe('parseFilterParam', () => {
  it('returns undefined for an absent or blank filter and the AST otherwise', () => {
    expect(parseFilterParam(undefined, 'query.filter')).toBeUndefined()
    expect(parseFilterParam(' ', 'query.filter')).toBeUndefined()
    expect(parseFilterParam("span.kind = 'LLM'", 'query.filter')).toMatchObject({ type: 'compare', op: '=' })
  })

  it('turns a FilterError into a 400 ApiError with the position in the message', () => {
    try {
      parseFilterParam('span.kind =', 'query.filter')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({
        status: 400,
        field: 'query.filter',
        message: "query.filter: expected a value for 'span.kind', found end of input at 1:12",
      })
    }
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the filter routes', async () => {
    const res = await api.request('GET', '/openapi.json')
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/filter/fields', '/filter/suggest', '/filter/values', '/filter/validate']),
    )
  })
})
