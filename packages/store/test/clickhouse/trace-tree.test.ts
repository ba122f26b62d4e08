// The light reads of one trace: tree columns, one whole span, text search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickHouse,
  getSpanEvents,
  getTraceSpan,
  getTraceSpans,
  getTraceTree,
  insertSpanEvents,
  insertSpans,
  searchTraceText,
} from '../../src/clickhouse/index.js'
import { ns, SECOND, span, spanEvent, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-trace-tree'
const trace = traceId()
const quiet = { input: JSON.stringify('hi'), output: JSON.stringify('ok') }
const root = span({
  ...quiet,
  project_id: project,
  trace_id: trace,
  span_id: 'aaaaaaaaaaaaaaaa',
  name: 'agent',
  kind: 'AGENT',
  model_request: '',
  model_response: '',
  start_time: ns(0),
  end_time: ns(5n * SECOND),
})
const chat = span({
  project_id: project,
  trace_id: trace,
  span_id: 'bbbbbbbbbbbbbbbb',
  parent_span_id: root.span_id,
  start_time: ns(SECOND),
  end_time: ns(2n * SECOND),
  input: '',
  output: JSON.stringify('The Parcel ships today'),
})
const tool = span({
  ...quiet,
  project_id: project,
  trace_id: trace,
  span_id: 'cccccccccccccccc',
  parent_span_id: root.span_id,
  name: 'lookup',
  kind: 'TOOL',
  status_code: 'ERROR',
  status_message: 'Timeout after 3s',
  model_request: '',
  model_response: '',
  start_time: ns(SECOND), // ties with chat: span_id decides
  end_time: ns(SECOND - 5n), // an end before the start
})
const orphan = span({
  ...quiet,
  project_id: project,
  trace_id: trace,
  span_id: 'dddddddddddddddd',
  parent_span_id: 'eeeeeeeeeeeeeeee',
  name: 'lookup',
  kind: 'TOOL',
  model_request: '',
  model_response: '',
  start_time: ns(3n * SECOND),
  end_time: ns(4n * SECOND),
})

beforeAll(async () => {
  ch = await openTestClickHouse()
  await insertSpans(ch, [orphan, tool, chat, root])
  await insertSpans(ch, [chat, root]) // an exporter retry
  await insertSpans(ch, [span({ project_id: 'other', trace_id: trace, start_time: ns(0) })])
  await insertSpanEvents(ch, [
    spanEvent({
      project_id: project,
      trace_id: trace,
      span_id: chat.span_id,
      source: 'log',
      name: 'gen_ai.user.message',
      body: JSON.stringify({ content: 'Where is my Order?' }),
    }),
  ])
})
afterAll(() => closeTestClickHouse(ch))

describe('getTraceTree', () => {
  it('returns each span once in start order, as columns with parents by position', async () => {
    const tree = (await getTraceTree(ch, project, trace))!
    expect(tree.span_id).toEqual([root.span_id, chat.span_id, tool.span_id, orphan.span_id])
    expect(tree.parent).toEqual([-1, 0, 0, -1])
    expect(tree.origin).toBe(root.start_time)
    expect(tree.start).toEqual([0, 1e9, 1e9, 3e9])
    expect(tree.duration).toEqual([5e9, 1e9, 0, 1e9])
    const at = (c: { values: string[]; index: number[] }) => c.index.map((i) => c.values[i])
    expect(at(tree.name)).toEqual(['agent', 'chat gpt-4o', 'lookup', 'lookup'])
    expect(tree.name.values).toEqual(['agent', 'chat gpt-4o', 'lookup'])
    expect(at(tree.kind)).toEqual(['AGENT', 'LLM', 'TOOL', 'TOOL'])
    expect(at(tree.status_code)).toEqual(['OK', 'OK', 'ERROR', 'OK'])
    expect(at(tree.status_message)).toEqual(['', '', 'Timeout after 3s', ''])
    expect(at(tree.model)).toEqual(['', 'gpt-4o-2024-08-06', '', ''])
    expect(tree.total_tokens).toEqual([150, 150, 150, 150])
    expect(tree).toMatchObject({
      trace_id: trace,
      session_id: 'session-1',
      user_id: 'user-1',
      model_id: 'm-1',
    })
  })

  it('agrees with getTraceSpans on order and dedup', async () => {
    const tree = (await getTraceTree(ch, project, trace))!
    expect(tree.span_id).toEqual((await getTraceSpans(ch, project, trace)).map((s) => s.span_id))
  })

  it('is null for an unknown trace and for another project', async () => {
    expect(await getTraceTree(ch, project, traceId())).toBeNull()
    expect(await getTraceTree(ch, 'nobody', trace)).toBeNull()
  })
})

describe('getTraceSpan', () => {
  it('returns one whole span, once', async () => {
    expect(await getTraceSpan(ch, project, trace, chat.span_id)).toEqual(chat)
  })

  it('is null for an unknown span, trace or project', async () => {
    expect(await getTraceSpan(ch, project, trace, 'ffffffffffffffff')).toBeNull()
    expect(await getTraceSpan(ch, project, traceId(), chat.span_id)).toBeNull()
    expect(await getTraceSpan(ch, 'nobody', trace, chat.span_id)).toBeNull()
  })

  it('events can be read for that span alone', async () => {
    expect(await getSpanEvents(ch, project, trace, chat.span_id)).toHaveLength(1)
    expect(await getSpanEvents(ch, project, trace, root.span_id)).toEqual([])
  })
})

describe('searchTraceText', () => {
  it('finds text in outputs, status messages and log records, ignoring case', async () => {
    expect(await searchTraceText(ch, project, trace, 'parcel')).toEqual([chat.span_id])
    expect(await searchTraceText(ch, project, trace, 'TIMEOUT')).toEqual([tool.span_id])
    expect(await searchTraceText(ch, project, trace, 'my order')).toEqual([chat.span_id])
    expect(await searchTraceText(ch, project, trace, 'nowhere')).toEqual([])
  })

  it('is null for an unknown trace or another project', async () => {
    expect(await searchTraceText(ch, 'nobody', trace, 'parcel')).toBeNull()
  })
})
