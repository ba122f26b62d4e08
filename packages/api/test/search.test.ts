// Trace search, span search and trace deletion through real HTTP on embedded storage.
import { emptySpanRow, type SpanRow } from '@assay/core'
import { insertAssessments, insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const nowMs = Date.now()
const MS = 1_000_000n
// Six traces a minute apart (t0 newest); each a root and a RETRIEVER or LLM child.
const traces = Array.from({ length: 6 }, (_, i) => ({
  id: `${'c'.repeat(31)}${i}`,
  retriever: i % 2 === 0,
  childMs: 100 * (i + 1) + (i === 4 ? 1000 : 0),
  cost: [0.3, 0.1, 0.6, 0.2, 0.5, 0.4][i]!,
  model: ['m-b', 'm-a', 'm-b', '', 'm-a', 'm-b'][i]!,
}))

function spanRow(traceId: string, spanId: string, startMs: number, durationMs: number): SpanRow {
  const start = BigInt(startMs) * MS
  return emptySpanRow({
    project_id: api.projectId,
    trace_id: traceId,
    span_id: spanId,
    start_time: String(start),
    end_time: String(start + BigInt(durationMs) * MS),
  })
}

const get = (path: string) => api.request('GET', path)
const q = encodeURIComponent

beforeAll(async () => {
  api = await startTestApi()
  const rows = traces.flatMap((t, i) => {
    const start = nowMs - (i + 1) * 60_000
    const root = { ...spanRow(t.id, `a${'0'.repeat(14)}${i}`, start, 3000), name: `root ${i}` }
    const child: SpanRow = {
      ...spanRow(t.id, `b${'0'.repeat(14)}${i}`, start + 1, t.childMs),
      parent_span_id: root.span_id,
      kind: t.retriever ? 'RETRIEVER' : 'LLM',
      cost_usd: t.cost,
      total_tokens: 10 * (i + 1),
      model_id: t.model,
    }
    return [root, child]
  })
  await insertSpans(api.clickhouse, rows)
  await insertSpans(api.clickhouse, rows) // a re-sent export
  await insertAssessments(api.clickhouse, [
    {
      assessment_id: 'a-0000000001',
      project_id: api.projectId,
      trace_id: traces[0]!.id,
      span_id: '',
      type: 'feedback',
      name: 'helpful',
      value: true,
      rationale: '',
      source_type: 'HUMAN',
      source_id: 'alice',
      run_id: '',
      overrides: '',
      valid: true,
      error: '',
      metadata: {},
      created_at: nowMs,
    },
  ])
})
afterAll(() => api.close())

describe('GET /api/traces with filter, sort and order', () => {
  it('filters with the filter language', async () => {
    const res = await get(`/traces?filter=${q("span.kind = 'RETRIEVER'")}`)
    expect(res.status).toBe(200)
    expect(res.body.items.map((t: { trace_id: string }) => t.trace_id)).toEqual([
      traces[0]!.id,
      traces[2]!.id,
      traces[4]!.id,
    ])
  })

  it('sorts by cost in either order, counting re-sent spans once', async () => {
    const asc = await get('/traces?sort=cost&order=asc')
    expect(asc.body.items.map((t: { cost_usd: number }) => t.cost_usd)).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5, 0.6,
    ])
    const desc = await get('/traces?sort=cost&limit=2')
    expect(desc.body.items.map((t: { cost_usd: number }) => t.cost_usd)).toEqual([0.6, 0.5])
    expect(desc.body.items[0].span_count).toBe(2)
  })

  it('sorts by model on the server, paging through ties by trace id', async () => {
    const first = await get('/traces?sort=model&order=asc&limit=4')
    expect(first.status).toBe(200)
    const second = await get(`/traces?sort=model&order=asc&limit=4&cursor=${q(first.body.nextCursor)}`)
    expect(second.body.nextCursor).toBeUndefined()
    const items = [...first.body.items, ...second.body.items] as { trace_id: string; model_id: string }[]
    expect(items.map((t) => t.model_id)).toEqual(['', 'm-a', 'm-a', 'm-b', 'm-b', 'm-b'])
    expect(items.map((t) => t.trace_id)).toEqual([3, 1, 4, 0, 2, 5].map((i) => traces[i]!.id))
    const otherKey = await get(`/traces?sort=user&order=asc&cursor=${q(first.body.nextCursor)}`)
    expect(otherKey.body.error.field).toBe('query.cursor')
  })

  it('pages with the cursor and carries assessment values', async () => {
    const first = await get('/traces?limit=4')
    expect(first.body.items[0]).toMatchObject({ trace_id: traces[0]!.id, assessments: { helpful: true } })
    const second = await get(`/traces?limit=4&cursor=${q(first.body.nextCursor)}`)
    expect(second.status).toBe(200)
    expect(second.body.items).toHaveLength(2)
    expect(second.body.nextCursor).toBeUndefined()
  })

  it('answers 400 naming the field for bad input', async () => {
    const cases: [string, string][] = [
      ['/traces?sort=price', 'query.sort'],
      ['/traces?sort=root_name', 'query.sort'],
      ['/traces?order=up', 'query.order'],
      ['/traces?limit=0', 'query.limit'],
      [`/traces?filter=${q("span.knd = 'LLM'")}`, 'query.filter'],
      ['/traces?cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
      ['/traces?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.to'],
    ]
    for (const [path, field] of cases) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      expect(res.body.error.field, path).toBe(field)
    }
    const { body } = await get('/traces?limit=1')
    const otherSort = await get(`/traces?limit=1&sort=cost&cursor=${q(body.nextCursor)}`)
    expect(otherSort.status).toBe(400)
    expect(otherSort.body.error.field).toBe('query.cursor')
  })
})

describe('GET /api/spans', () => {
  it('finds slow retrievers across traces, slowest first, with previews only', async () => {
    const res = await get(
      `/spans?filter=${q("span.kind = 'RETRIEVER' AND span.duration_ms > 200")}&sort=duration`,
    )
    expect(res.status).toBe(200)
    expect(res.body.items.map((s: { duration_ms: number }) => s.duration_ms)).toEqual([1500, 300])
    expect(res.body.items[0]).toHaveProperty('input_preview')
    expect(res.body.items[0]).not.toHaveProperty('input')
  })

  it('answers 400 for a bad sort or filter', async () => {
    expect((await get('/spans?sort=name')).body.error.field).toBe('query.sort')
    expect((await get(`/spans?filter=${q('span.kind =')}`)).body.error.field).toBe('query.filter')
  })
})

describe('DELETE /api/traces', () => {
  it('deletes by id', async () => {
    const id = traces[5]!.id
    const res = await api.request('DELETE', '/traces', { trace_ids: [id.toUpperCase()] })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ deleted: 1, more: false })
    expect((await get(`/traces/${id}`)).status).toBe(404)
  })

  it('deletes by age and filter', async () => {
    const res = await api.request('DELETE', '/traces', {
      older_than: String(BigInt(nowMs - 3.5 * 60_000) * MS),
      filter: "span.kind = 'LLM'",
    })
    expect(res.body).toEqual({ deleted: 1, more: false }) // t3 (t5 is gone; t1 is newer)
    expect((await get(`/traces/${traces[3]!.id}`)).status).toBe(404)
    expect((await get(`/traces/${traces[4]!.id}`)).status).toBe(200)
  })

  it('answers 400 naming the field for a bad body', async () => {
    const cases: [unknown, string][] = [
      [{ trace_ids: ['xyz'] }, 'body.trace_ids.0'],
      [{}, 'body.older_than'],
      [{ older_than: 'yesterday' }, 'body.older_than'],
      [{ older_than: '30d', filter: 'span.kind ==' }, 'body.filter'],
      [{ trace_ids: [traces[0]!.id], older_than: '1d' }, 'body.trace_ids'],
    ]
    for (const [body, field] of cases) {
      const res = await api.request('DELETE', '/traces', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.field, JSON.stringify(body)).toBe(field)
    }
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the search, session and metrics routes', async () => {
    const { body } = await get('/openapi.json')
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/traces', '/spans', '/sessions', '/sessions/{sessionId}', '/metrics']),
    )
    expect(Object.keys(body.paths['/traces'])).toEqual(expect.arrayContaining(['get', 'delete']))
  })
})
