// Trace search by the string keys (root name, status, model, session, user): keyset pages in both
// orders over many ties, byte order, long values, and cursors bound to the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, InvalidCursorError, insertSpans } from '../../src/clickhouse/index.js'
import { searchTraces, type TraceSearchItem } from '../../src/clickhouse/search/index.js'
import { STRING_KEY_BYTES } from '../../src/clickhouse/search/trace-keys.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-search-strings'
const MINUTE = 60n * SECOND
// Longer than a key's prefix and equal within it: these two tie on the key and order by trace id.
const long = 'x'.repeat(STRING_KEY_BYTES)
const NAMES = ['agent', 'Agent', 'retrieve', 'élan', '', `${long}a`, `${long}b`]
const STATUSES = ['OK', 'UNSET', 'ERROR'] as const
const MODELS = ['m-2', 'm-10', '', 'm-1']
// 26 traces: every key has ties (several traces share each name, status, model, session and user).
const traces = Array.from({ length: 26 }, (_, i) => ({
  id: traceId(),
  start: BigInt(ns(MINUTE)) + BigInt(i) * MINUTE,
  name: NAMES[i % NAMES.length]!,
  status: STATUSES[i % STATUSES.length]!,
  model: MODELS[(i * 3) % MODELS.length]!,
  session: `s-${i % 5}`,
  user: i % 4 === 0 ? '' : `u-${i % 3}`,
}))
const window = { projectId: project, from: ns(0), to: ns(3600n * SECOND) }

const SORTS = ['name', 'status', 'model', 'session', 'user'] as const
type StringSort = (typeof SORTS)[number]
const keyOf: Record<StringSort, (t: (typeof traces)[number]) => string> = {
  name: (t) => t.name,
  status: (t) => t.status,
  model: (t) => t.model,
  session: (t) => t.session,
  user: (t) => t.user,
}
const fieldOf: Record<StringSort, keyof TraceSearchItem> = {
  name: 'name',
  status: 'status_code',
  model: 'model_id',
  session: 'session_id',
  user: 'user_id',
}

beforeAll(async () => {
  ch = await openTestClickHouse()
  const rows = traces.flatMap((t) => {
    const ids = {
      project_id: project,
      trace_id: t.id,
      session_id: t.session,
      user_id: t.user,
      model_id: t.model,
    }
    const root = span({
      ...ids,
      name: t.name,
      kind: 'AGENT',
      // An ERROR trace is one whose child failed; the root itself is OK.
      status_code: t.status === 'ERROR' ? 'OK' : t.status,
      start_time: t.start.toString(),
      end_time: (t.start + SECOND).toString(),
    })
    const child = span({
      ...ids,
      parent_span_id: root.span_id,
      name: 'zzz child',
      status_code: t.status === 'ERROR' ? 'ERROR' : 'OK',
      start_time: (t.start + 1000n).toString(),
      end_time: (t.start + 2000n).toString(),
    })
    return [root, child]
  })
  await insertSpans(ch, rows)
})
afterAll(() => closeTestClickHouse(ch))

async function all(sort: StringSort, order: 'asc' | 'desc', limit = 4): Promise<TraceSearchItem[]> {
  const seen: TraceSearchItem[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 30; pages++) {
    const page = await searchTraces(ch, { ...window, sort, order, limit, cursor })
    seen.push(...page.items)
    cursor = page.nextCursor
    if (!cursor) break
  }
  return seen
}

// ClickHouse orders strings as bytes; the key is the first STRING_KEY_BYTES of them, then the trace id.
function byKey(key: (t: (typeof traces)[number]) => string) {
  const bytes = (s: string) => Buffer.from(s).subarray(0, STRING_KEY_BYTES)
  return (a: (typeof traces)[number], b: (typeof traces)[number]) =>
    Buffer.compare(bytes(key(a)), bytes(key(b))) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

describe('searchTraces by a string key', () => {
  for (const sort of SORTS) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every trace once, sorted by ${sort} ${order}`, async () => {
        const seen = await all(sort, order)
        const expected = [...traces].sort(byKey(keyOf[sort]))
        if (order === 'desc') expected.reverse()
        expect(seen.map((t) => t.trace_id)).toEqual(expected.map((t) => t.id))
        expect(seen.map((t) => t[fieldOf[sort]])).toEqual(expected.map(keyOf[sort]))
      })
    }
  }

  it('pages one trace at a time through a run of ties', async () => {
    const seen = await all('session', 'asc', 1)
    expect(new Set(seen.map((t) => t.trace_id)).size).toBe(traces.length)
    expect(seen.map((t) => t.trace_id)).toEqual([...traces].sort(byKey(keyOf.session)).map((t) => t.id))
  })

  it('binds the cursor to its key', async () => {
    const { nextCursor } = await searchTraces(ch, { ...window, sort: 'model', limit: 2 })
    await expect(searchTraces(ch, { ...window, sort: 'user', cursor: nextCursor })).rejects.toThrow(
      InvalidCursorError,
    )
    const { nextCursor: byStart } = await searchTraces(ch, { ...window, limit: 2 })
    await expect(searchTraces(ch, { ...window, sort: 'model', cursor: byStart })).rejects.toThrow(
      InvalidCursorError,
    )
  })
})
