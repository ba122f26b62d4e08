import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickHouse,
  getSpanEvents,
  getTraceSpans,
  insertAssessments,
  insertSpanEvents,
  insertSpans,
  listAssessments,
} from '../../src/clickhouse/index.js'
import { assessment, ns, SECOND, span, spanEvent, spanId, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
})
afterAll(() => closeTestClickHouse(ch))

const project = 'p-roundtrip'

describe('insert and read back', () => {
  it('spans come back exactly, with nanosecond times as strings', async () => {
    const trace = traceId()
    const root = span({
      project_id: project,
      trace_id: trace,
      start_time: '1700000000123456789',
      end_time: '1700000003999999999',
      input: '{"messages":[{"role":"user","content":"héllo \\"quoted\\" ✓\\n"}]}',
      attributes: { 'a.b': 'x', 'gen_ai.usage.input_tokens': '120', empty: '' },
    })
    const child = span({
      project_id: project,
      trace_id: trace,
      parent_span_id: root.span_id,
      name: 'retrieve',
      kind: 'RETRIEVER',
      status_code: 'ERROR',
      status_message: 'timeout',
      start_time: '1700000000123456790',
      end_time: '1700000001000000001',
      cost_usd: 0,
      attributes: {},
      tags: {},
    })
    await insertSpans(ch, [child, root])
    expect(await getTraceSpans(ch, project, trace)).toEqual([root, child])
  })

  it('stores the materialized duration from the times', async () => {
    const trace = traceId()
    await insertSpans(ch, [
      span({ project_id: project, trace_id: trace, start_time: ns(1), end_time: ns(1_500_000_002n) }),
    ])
    const [row] = await rows<{ d: string }>(
      ch,
      `SELECT toString(duration_ns) AS d FROM ${ch.database}.spans WHERE trace_id = {t:String}`,
      { t: trace },
    )
    expect(row?.d).toBe('1500000001')
  })

  it('times at the edges of the range survive', async () => {
    const trace = traceId()
    const early = span({ project_id: project, trace_id: trace, start_time: '1', end_time: '999999999' })
    await insertSpans(ch, [early])
    expect((await getTraceSpans(ch, project, trace)).map((s) => [s.start_time, s.end_time])).toEqual([
      ['1', '999999999'],
    ])
  })

  it('rejects a time that is not a nanosecond decimal string', async () => {
    const bad = span({ project_id: project, trace_id: traceId(), start_time: '1.5' })
    await expect(insertSpans(ch, [bad])).rejects.toThrow(/nanoseconds/)
  })

  it('span events come back exactly and in time order', async () => {
    const trace = traceId()
    const sid = spanId()
    const later = spanEvent({
      project_id: project,
      trace_id: trace,
      span_id: sid,
      time: ns(2n * SECOND + 7n),
    })
    const log = spanEvent({
      project_id: project,
      trace_id: trace,
      span_id: sid,
      time: ns(SECOND + 3n),
      name: 'exception',
      source: 'log',
      body: '{"message":"boom"}',
      attributes: { 'exception.type': 'TimeoutError' },
    })
    await insertSpanEvents(ch, [later, log])
    await insertSpanEvents(ch, [later]) // a re-sent export
    expect(await getSpanEvents(ch, project, trace)).toEqual([log, later])
  })

  it('assessments keep their typed values', async () => {
    const trace = traceId()
    const items = [
      assessment({ project_id: project, trace_id: trace, value: 0.75, created_at: 1_700_000_000_001 }),
      assessment({
        project_id: project,
        trace_id: trace,
        value: true,
        name: 'thumbs',
        source_type: 'HUMAN',
        created_at: 1_700_000_000_002,
      }),
      assessment({
        project_id: project,
        trace_id: trace,
        value: 'refund',
        type: 'expectation',
        created_at: 1_700_000_000_003,
      }),
      assessment({
        project_id: project,
        trace_id: trace,
        value: 0,
        valid: false,
        error: 'judge timed out',
        span_id: spanId(),
        metadata: { k: 'v' },
        created_at: 1_700_000_000_004,
      }),
    ]
    await insertAssessments(ch, items)
    await insertAssessments(ch, [items[1]!]) // retried
    expect(await listAssessments(ch, project, trace)).toEqual(items)
    const typed = await rows<{ value_type: string; value_number: number | null; value_bool: boolean | null }>(
      ch,
      `SELECT value_type, value_number, value_bool FROM ${ch.database}.assessments WHERE trace_id = {t:String} ORDER BY created_at LIMIT 2`,
      { t: trace },
    )
    expect(typed).toEqual([
      { value_type: 'number', value_number: 0.75, value_bool: null },
      { value_type: 'boolean', value_number: null, value_bool: true },
    ])
  })
})
