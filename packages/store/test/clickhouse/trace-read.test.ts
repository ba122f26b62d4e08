import { Readable } from 'node:stream'
import type { SpanRow } from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickHouse,
  getSpanEvents,
  getTraceSpans,
  insertSpanEvents,
  insertSpans,
} from '../../src/clickhouse/index.js'
import { compareNanos, queryCompactRows } from '../../src/clickhouse/read/query-compact.js'
import { ns, SECOND, span, spanEvent, spanId, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
})
afterAll(() => closeTestClickHouse(ch))

const project = 'p-trace-read'
const HOUR = 3600n * SECOND

/** The order getTraceSpans promises: start time as a number, then span_id. */
function expectedOrder(spans: SpanRow[]): SpanRow[] {
  return [...spans].sort((a, b) => {
    const d = BigInt(a.start_time) - BigInt(b.start_time)
    return d !== 0n ? (d < 0n ? -1 : 1) : a.span_id < b.span_id ? -1 : a.span_id > b.span_id ? 1 : 0
  })
}

describe('getTraceSpans ordering and duplicates', () => {
  const trace = traceId()
  // Ties on start (parallel tool calls) in several places, and ids chosen so span_id order differs from insert order.
  const spans = [
    span({ project_id: project, trace_id: trace, span_id: 'ffffffffffffffff', start_time: ns(SECOND) }),
    span({ project_id: project, trace_id: trace, span_id: '000000000000000a', start_time: ns(SECOND) }),
    span({ project_id: project, trace_id: trace, span_id: '7777777777777777', start_time: ns(SECOND) }),
    span({ project_id: project, trace_id: trace, span_id: 'aaaaaaaaaaaaaaaa', start_time: ns(SECOND - 1n) }),
    span({ project_id: project, trace_id: trace, span_id: '1111111111111111', start_time: ns(SECOND + 1n) }),
    span({ project_id: project, trace_id: trace, span_id: 'bbbbbbbbbbbbbbbb', start_time: ns(2n * SECOND) }),
    span({ project_id: project, trace_id: trace, span_id: '2222222222222222', start_time: ns(2n * SECOND) }),
  ]
  // A neighbour in the same hour bucket, whose spans must not leak in.
  const other = span({ project_id: project, trace_id: traceId(), start_time: ns(SECOND) })

  beforeAll(async () => {
    await insertSpans(ch, [...spans].reverse())
    await insertSpans(ch, [spans[0]!, spans[1]!, spans[5]!]) // an exporter retry
    await insertSpans(ch, [spans[1]!, other]) // and another, in a separate part
  })

  it('orders by start, then span_id on ties, and returns each re-sent span once', async () => {
    const got = await getTraceSpans(ch, project, trace)
    expect(got.map((s) => s.span_id)).toEqual([
      'aaaaaaaaaaaaaaaa',
      '000000000000000a',
      '7777777777777777',
      'ffffffffffffffff',
      '1111111111111111',
      '2222222222222222',
      'bbbbbbbbbbbbbbbb',
    ])
    expect(got).toEqual(expectedOrder(spans))
  })

  it('returns the same after the parts merge', async () => {
    await ch.client.command({ query: `OPTIMIZE TABLE ${ch.database}.spans FINAL` })
    await ch.client.command({ query: `OPTIMIZE TABLE ${ch.database}.trace_index FINAL` })
    expect(await getTraceSpans(ch, project, trace)).toEqual(expectedOrder(spans))
  })

  it('an unknown trace has no spans', async () => {
    expect(await getTraceSpans(ch, project, traceId())).toEqual([])
  })
})

describe('getTraceSpans reads back', () => {
  it('orders times numerically, not as text, when their digit counts differ', async () => {
    const trace = traceId()
    const times = ['999999999', '1000000000', '99', '100', '5', '1000000000000000000']
    const spans = times.map((t) =>
      span({ project_id: project, trace_id: trace, start_time: t, end_time: '2000000000000000000' }),
    )
    await insertSpans(ch, spans)
    expect((await getTraceSpans(ch, project, trace)).map((s) => s.start_time)).toEqual([
      '5',
      '99',
      '100',
      '999999999',
      '1000000000',
      '1000000000000000000',
    ])
  })

  it('a trace across midnight (two days, two hour buckets) comes back whole, in order', async () => {
    const trace = traceId()
    const midnight = 1_700_006_400n * SECOND // 2023-11-15T00:00:00Z
    const spans = [-2n, -1n, 0n, 1n, 2n].map((m) =>
      span({
        project_id: project,
        trace_id: trace,
        start_time: (midnight + m * 60n * SECOND).toString(),
        end_time: (midnight + m * 60n * SECOND + 1n).toString(),
      }),
    )
    await insertSpans(ch, spans.slice(3))
    await insertSpans(ch, spans.slice(0, 3))
    await insertSpans(ch, [
      span({ project_id: project, trace_id: traceId(), start_time: midnight.toString() }),
    ])
    expect(await getTraceSpans(ch, project, trace)).toEqual(spans)
  })

  it('maps every column to its own field', async () => {
    const trace = traceId()
    const distinct = span({
      project_id: project,
      trace_id: trace,
      parent_span_id: spanId(),
      name: 'n',
      kind: 'RETRIEVER',
      status_code: 'ERROR',
      status_message: 'sm',
      start_time: ns(HOUR + 123n),
      end_time: ns(HOUR + 456n),
      service_name: 'svc',
      scope_name: 'scope',
      model_request: 'mreq',
      model_response: 'mresp',
      provider: 'prov',
      input_tokens: 1,
      output_tokens: 2,
      cached_tokens: 3,
      reasoning_tokens: 4_294_967_295,
      total_tokens: 5,
      cost_usd: 0.1 + 0.2,
      input: 'in "quoted"\n\t\\ ✓ 🚀',
      output: '{"out":[1,2]}',
      attributes: { a: '1' },
      resource_attributes: { r: '2' },
      session_id: 'sess',
      user_id: 'usr',
      model_id: 'mid',
      prompt_name: 'pn',
      prompt_version: '7',
      environment: 'env',
      tags: { t: '' },
      metadata: { m: 'x' },
    })
    await insertSpans(ch, [distinct])
    expect(await getTraceSpans(ch, project, trace)).toEqual([distinct])
  })
})

describe('getSpanEvents ordering and duplicates', () => {
  it('orders by time, then span_id on ties, and returns each re-sent event once', async () => {
    const trace = traceId()
    const e = (span_id: string, time: string, body = '') =>
      spanEvent({ project_id: project, trace_id: trace, span_id, time, body })
    const events = [
      e('cccccccccccccccc', ns(2n * SECOND)),
      e('aaaaaaaaaaaaaaaa', ns(2n * SECOND)),
      e('bbbbbbbbbbbbbbbb', ns(SECOND)),
      e('bbbbbbbbbbbbbbbb', ns(3n * SECOND), '{"n":1}'),
    ]
    await insertSpanEvents(ch, events)
    await insertSpanEvents(ch, [events[0]!, events[3]!])
    expect(await getSpanEvents(ch, project, trace)).toEqual([events[2], events[1], events[0], events[3]])
  })
})

describe('queryCompactRows', () => {
  /** A handle whose exec streams `chunks`, as an HTTP response arrives. */
  const streaming = (chunks: Buffer[]) =>
    ({
      client: { exec: async () => ({ stream: Readable.from(chunks) }) },
    }) as unknown as ClickHouse

  it('joins rows split across chunks, including inside a multi-byte character', async () => {
    const body = Buffer.from('["a",1,{"k":"✓"}]\n["🚀b",2,{}]\n["c",3,{}]\n')
    const cut = body.indexOf(Buffer.from('✓')) + 1
    const cut2 = body.indexOf(Buffer.from('🚀')) + 2
    const chunks = [body.subarray(0, cut), body.subarray(cut, cut2), body.subarray(cut2, body.length - 3)]
    chunks.push(body.subarray(body.length - 3))
    expect(await queryCompactRows(streaming(chunks), 'SELECT', {}, (r) => r)).toEqual([
      ['a', 1, { k: '✓' }],
      ['🚀b', 2, {}],
      ['c', 3, {}],
    ])
  })

  it('surfaces an error the server appended mid-stream', async () => {
    const body = Buffer.from('["a",1]\nCode: 241. DB::Exception: Memory limit exceeded\n')
    await expect(queryCompactRows(streaming([body]), 'SELECT', {}, (r) => r)).rejects.toThrow(
      /malformed row: Code: 241/,
    )
  })

  it('returns no rows for an empty result', async () => {
    expect(await queryCompactRows(streaming([]), 'SELECT', {}, (r) => r)).toEqual([])
  })
})

describe('compareNanos', () => {
  it('compares as numbers', () => {
    const sorted = [
      '0',
      '5',
      '99',
      '100',
      '1700000000000000000',
      '1700000000000000001',
      '9223372036854775807',
    ]
    const shuffled = [...sorted].reverse()
    expect(shuffled.sort(compareNanos)).toEqual(sorted)
    expect(compareNanos('-5', '3')).toBeLessThan(0)
    expect(compareNanos('-5', '-10')).toBeGreaterThan(0)
    expect(compareNanos('42', '42')).toBe(0)
  })
})
