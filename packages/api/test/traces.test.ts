// Trace list and detail through real HTTP on embedded storage.
import { emptySpanRow, type SpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const now = BigInt(Date.now()) * 1_000_000n
const traceId = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1'

function span(spanId: string, parent: string, name: string, offsetMs: number): SpanRow {
  const start = now - BigInt(60_000 - offsetMs) * 1_000_000n
  return {
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: traceId,
      span_id: spanId,
      start_time: String(start),
      end_time: String(start + 5_000_000n),
    }),
    parent_span_id: parent,
    name,
  }
}

beforeAll(async () => {
  api = await startTestApi()
  await insertSpans(api.clickhouse, [
    span('1000000000000001', '', 'root', 0),
    span('1000000000000002', '1000000000000001', 'child', 1),
  ])
})
afterAll(() => api.close())

describe('GET /api/traces', () => {
  it('lists the trace in the default window', async () => {
    const res = await api.request('GET', '/traces')
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0]).toMatchObject({ trace_id: traceId, name: 'root', span_count: 2 })
  })

  it('rejects a window that ends before it starts, naming the field', async () => {
    const res = await api.request('GET', '/traces?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z')
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('query.to')
  })

  it('rejects a tampered cursor with a 400', async () => {
    const res = await api.request('GET', '/traces?cursor=not-a-cursor')
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('query.cursor')
  })
})

describe('GET /api/traces/{traceId}', () => {
  it('returns every span of the trace', async () => {
    const res = await api.request('GET', `/traces/${traceId}`)
    expect(res.status).toBe(200)
    expect(res.body.spans.map((s: SpanRow) => s.name).sort()).toEqual(['child', 'root'])
  })

  it('answers 404 for an unknown trace and 400 for a malformed id', async () => {
    expect((await api.request('GET', '/traces/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2')).status).toBe(404)
    const bad = await api.request('GET', '/traces/xyz')
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('path.traceId')
  })
})

describe('GET /api/openapi.json', () => {
  it('documents the trace routes', async () => {
    const res = await api.request('GET', '/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/traces', '/traces/{traceId}']))
  })
})

describe('malformed request bodies', () => {
  it('answers 400 naming the body, not 500', async () => {
    const res = await fetch(`${api.url}/traces/${traceId}/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{bad',
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { field?: string; message: string } }
    expect(body.error.field).toBe('body')
  })
})
