// Sessions: the list in a window with totals, one session's traces in order, duplicates never counted twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, insertSpans } from '../../src/clickhouse/index.js'
import { getSession, listSessions, type SessionSummary } from '../../src/clickhouse/search/index.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-sessions'
const window = { projectId: project, from: ns(0), to: ns(3600n * SECOND) }
// Session s<k> has k+1 traces; traces interleave in time across sessions.
const sessions = Array.from({ length: 7 }, (_, k) => ({
  id: `s${k}`,
  traces: Array.from({ length: k + 1 }, (_, j) => ({
    id: traceId(),
    start: BigInt(ns(SECOND)) + BigInt(k + j * 10) * SECOND,
  })),
}))

beforeAll(async () => {
  ch = await openTestClickHouse()
  const rows = sessions.flatMap((s) =>
    s.traces.flatMap((t, j) => {
      const root = span({
        project_id: project,
        trace_id: t.id,
        session_id: s.id,
        user_id: `u-${s.id}`,
        status_code: j === 1 ? 'ERROR' : 'OK',
        start_time: `${t.start}`,
        end_time: `${t.start + SECOND}`,
        total_tokens: 10,
        cost_usd: 0.5,
      })
      const child = {
        ...root,
        span_id: '00000000000000a1',
        parent_span_id: root.span_id,
        status_code: 'OK' as const,
      }
      return [root, child]
    }),
  )
  await insertSpans(ch, rows)
  await insertSpans(ch, rows.slice(0, 10))
  // A trace without a session is not a session.
  await insertSpans(ch, [
    span({ project_id: project, trace_id: traceId(), session_id: '', start_time: ns(SECOND) }),
  ])
})
afterAll(() => closeTestClickHouse(ch))

describe('listSessions', () => {
  it('pages through every session once, newest first, with totals', async () => {
    const seen: SessionSummary[] = []
    let cursor: string | undefined
    do {
      const page = await listSessions(ch, { ...window, limit: 3, cursor })
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.map((s) => s.session_id)).toEqual(['s6', 's5', 's4', 's3', 's2', 's1', 's0'])
    const s3 = seen.find((s) => s.session_id === 's3')!
    expect(s3).toMatchObject({
      user_id: 'u-s3',
      trace_count: 4,
      error_count: 1,
      span_count: 8,
      total_tokens: 80,
      cost_usd: 4,
    })
  })
})

describe('getSession', () => {
  it('returns the traces in start order with session totals', async () => {
    const s = sessions[4]!
    const first = await getSession(ch, { ...window, sessionId: 's4', limit: 3 })
    expect(first!.session).toMatchObject({ trace_count: 5, span_count: 10 })
    const rest = await getSession(ch, { ...window, sessionId: 's4', limit: 3, cursor: first!.nextCursor })
    expect([...first!.traces, ...rest!.traces].map((t) => t.trace_id)).toEqual(s.traces.map((t) => t.id))
    expect(rest!.nextCursor).toBeUndefined()
  })

  it('is undefined for an unknown session', async () => {
    expect(await getSession(ch, { ...window, sessionId: 'nope' })).toBeUndefined()
  })
})
