// The trace view's routes: tree columns, one span on demand, search within a trace.
import { emptySpanRow, type SpanEventRow, type SpanRow } from '@assay/core'
import { insertSpanEvents, insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const now = BigInt(Date.now()) * 1_000_000n
const traceId = 'cccccccccccccccccccccccccccccc01'
const otherProjectTrace = 'cccccccccccccccccccccccccccccc02'
const ROOT = '2000000000000001'
const CHAT = '2000000000000002'
const TOOL = '2000000000000003'

function span(project: string, trace: string, spanId: string, parent: string, offsetMs: number): SpanRow {
  const start = now - BigInt(60_000 - offsetMs) * 1_000_000n
  return {
    ...emptySpanRow({
      project_id: project,
      trace_id: trace,
      span_id: spanId,
      start_time: String(start),
      end_time: String(start + 5_000_000n),
    }),
    parent_span_id: parent,
  }
}

/** A stand-in for the collector's message filling: a log record's body becomes the input. */
function enrichSpans(spans: SpanRow[], events: SpanEventRow[]): SpanRow[] {
  return spans.map((s) => {
    const log = events.find((e) => e.span_id === s.span_id && e.source === 'log')
    return s.input === '' && log ? { ...s, input: log.body } : s
  })
}

beforeAll(async () => {
  api = await startTestApi({ enrichSpans })
  const p = api.projectId
  const root = { ...span(p, traceId, ROOT, '', 0), name: 'agent', kind: 'AGENT' as const, session_id: 's-1' }
  const chat = {
    ...span(p, traceId, CHAT, ROOT, 1),
    name: 'chat',
    kind: 'LLM' as const,
    model_request: 'gpt-4o',
    total_tokens: 42,
    cost_usd: 0.5,
    output: JSON.stringify('Your refund is on its way'),
  }
  const tool = {
    ...span(p, traceId, TOOL, ROOT, 2),
    name: 'lookup',
    kind: 'TOOL' as const,
    status_code: 'ERROR' as const,
    status_message: 'boom',
  }
  await insertSpans(api.clickhouse, [root, chat, tool])
  await insertSpans(api.clickhouse, [chat, tool]) // an exporter retry
  await insertSpans(api.clickhouse, [span('someone-else', otherProjectTrace, ROOT, '', 0)])
  await insertSpanEvents(api.clickhouse, [
    {
      project_id: p,
      trace_id: traceId,
      span_id: CHAT,
      time: String(now - 59_000_000_000n),
      name: 'gen_ai.user.message',
      source: 'log',
      attributes: {},
      body: 'where is my parcel',
    },
  ])
})
afterAll(() => api.close())

describe('GET /api/traces/{traceId}/tree', () => {
  it('returns every span once, as columns', async () => {
    const res = await api.request('GET', `/traces/${traceId}/tree`)
    expect(res.status).toBe(200)
    const t = res.body
    expect(t.span_id).toEqual([ROOT, CHAT, TOOL])
    expect(t.parent).toEqual([-1, 0, 0])
    expect(t.start).toEqual([0, 1e6, 2e6])
    expect(t.duration).toEqual([5e6, 5e6, 5e6])
    const at = (c: { values: string[]; index: number[] }) => c.index.map((i) => c.values[i])
    expect(at(t.name)).toEqual(['agent', 'chat', 'lookup'])
    expect(at(t.kind)).toEqual(['AGENT', 'LLM', 'TOOL'])
    expect(at(t.status_code)).toEqual(['UNSET', 'UNSET', 'ERROR'])
    expect(at(t.status_message)).toEqual(['', '', 'boom'])
    expect(at(t.model)).toEqual(['', 'gpt-4o', ''])
    expect(t.total_tokens).toEqual([0, 42, 0])
    expect(t.cost_usd).toEqual([0, 0.5, 0])
    expect(t).toMatchObject({ trace_id: traceId, session_id: 's-1' })
    expect(BigInt(t.origin)).toBe(now - 60_000_000_000n)
    expect(JSON.stringify(t)).not.toContain('refund')
  })

  it('answers 404 for an unknown trace and another project’s, 400 for a malformed id', async () => {
    expect((await api.request('GET', '/traces/dddddddddddddddddddddddddddddddd/tree')).status).toBe(404)
    expect((await api.request('GET', `/traces/${otherProjectTrace}/tree`)).status).toBe(404)
    const bad = await api.request('GET', '/traces/nope/tree')
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('path.traceId')
  })
})

describe('GET /api/traces/{traceId}/spans/{spanId}', () => {
  it('returns the whole span with its events, messages from log records filled in', async () => {
    const res = await api.request('GET', `/traces/${traceId}/spans/${CHAT}`)
    expect(res.status).toBe(200)
    expect(res.body.span).toMatchObject({
      span_id: CHAT,
      trace_id: traceId,
      name: 'chat',
      input: 'where is my parcel',
      output: JSON.stringify('Your refund is on its way'),
    })
    expect(res.body.events.map((e: SpanEventRow) => e.name)).toEqual(['gen_ai.user.message'])
    const tool = await api.request('GET', `/traces/${traceId}/spans/${TOOL.toUpperCase()}`)
    expect(tool.body).toMatchObject({ span: { span_id: TOOL, status_message: 'boom' }, events: [] })
  })

  it('matches the span in the full trace', async () => {
    const full = await api.request('GET', `/traces/${traceId}`)
    const one = await api.request('GET', `/traces/${traceId}/spans/${CHAT}`)
    expect(one.body.span).toEqual(full.body.spans.find((s: SpanRow) => s.span_id === CHAT))
  })

  it('answers 404 for an unknown span or trace and another project’s, 400 for a malformed id', async () => {
    const unknownSpan = await api.request('GET', `/traces/${traceId}/spans/2000000000000009`)
    expect(unknownSpan.status).toBe(404)
    expect(unknownSpan.body.error.field).toBe('path.spanId')
    const unknownTrace = '/traces/dddddddddddddddddddddddddddddddd/spans/2000000000000001'
    expect((await api.request('GET', unknownTrace)).status).toBe(404)
    expect((await api.request('GET', `/traces/${otherProjectTrace}/spans/${ROOT}`)).status).toBe(404)
    const bad = await api.request('GET', `/traces/${traceId}/spans/xyz`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('path.spanId')
  })
})

describe('GET /api/traces/{traceId}/search', () => {
  it('finds spans by output, status message and log record, ignoring case', async () => {
    const search = async (q: string) =>
      (await api.request('GET', `/traces/${traceId}/search?q=${encodeURIComponent(q)}`)).body.span_ids
    expect(await search('REFUND')).toEqual([CHAT])
    expect(await search('boom')).toEqual([TOOL])
    expect(await search('my parcel')).toEqual([CHAT])
    expect(await search('absent')).toEqual([])
  })

  it('answers 404 for another project’s trace and 400 without a query', async () => {
    expect((await api.request('GET', `/traces/${otherProjectTrace}/search?q=a`)).status).toBe(404)
    const missing = await api.request('GET', `/traces/${traceId}/search`)
    expect(missing.status).toBe(400)
    expect(missing.body.error.field).toBe('query.q')
  })
})
