// Sessions through real HTTP on embedded storage: the list with totals, one session in order, bad input.
import { emptySpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const nowMs = Date.now()
const MS = 1_000_000n
const DAY_MS = 86_400_000

function trace(i: number, session: string, agoMs: number) {
  const start = BigInt(nowMs - agoMs) * MS
  return {
    ...emptySpanRow({
      project_id: api.projectId,
      trace_id: `${'d'.repeat(30)}${String(i).padStart(2, '0')}`,
      span_id: `e${'0'.repeat(13)}${String(i).padStart(2, '0')}`,
      start_time: String(start),
      end_time: String(start + 2000n * MS),
    }),
    session_id: session,
    user_id: 'u-1',
    total_tokens: 5,
    cost_usd: 0.01,
  }
}

const get = (path: string) => api.request('GET', path)

beforeAll(async () => {
  api = await startTestApi()
  await insertSpans(api.clickhouse, [
    trace(1, 'chat-a', 3 * 60_000),
    trace(2, 'chat-a', 2 * 60_000),
    trace(3, 'chat-a', 60_000),
    trace(4, 'chat-b', 30_000),
    trace(5, 'chat-old', 3 * DAY_MS), // outside the list's default 24 hours, inside a session's 30 days
  ])
})
afterAll(() => api.close())

describe('GET /api/sessions', () => {
  it('lists the sessions of the last 24 hours, newest first, with totals', async () => {
    const res = await get('/sessions')
    expect(res.status).toBe(200)
    expect(res.body.items.map((s: { session_id: string }) => s.session_id)).toEqual(['chat-b', 'chat-a'])
    expect(res.body.items[1]).toMatchObject({
      trace_count: 3,
      span_count: 3,
      total_tokens: 15,
      user_id: 'u-1',
    })
  })

  it('answers 400 for a window that ends before it starts', async () => {
    const res = await get('/sessions?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('query.to')
  })
})

describe('GET /api/sessions/{sessionId}', () => {
  it('returns the traces in start order with the totals', async () => {
    const res = await get('/sessions/chat-a?limit=2')
    expect(res.status).toBe(200)
    expect(res.body.session).toMatchObject({ session_id: 'chat-a', trace_count: 3, cost_usd: 0.03 })
    expect(res.body.traces.map((t: { trace_id: string }) => t.trace_id.slice(-2))).toEqual(['01', '02'])
    const next = await get(`/sessions/chat-a?limit=2&cursor=${encodeURIComponent(res.body.nextCursor)}`)
    expect(next.body.traces.map((t: { trace_id: string }) => t.trace_id.slice(-2))).toEqual(['03'])
  })

  it('reaches back 30 days by default', async () => {
    expect((await get('/sessions/chat-old')).status).toBe(200)
  })

  it('answers 404 for an unknown session and 400 for a foreign cursor', async () => {
    expect((await get('/sessions/nope')).status).toBe(404)
    const a = await get('/sessions/chat-a?limit=1')
    const res = await get(`/sessions/chat-b?cursor=${encodeURIComponent(a.body.nextCursor)}`)
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('query.cursor')
  })
})
