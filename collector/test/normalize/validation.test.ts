import { describe, expect, it } from 'vitest'
import { normalizeTraces } from '../../src/normalize/index.js'
import { MAX_REASONS } from '../../src/normalize/rejections.js'
import { END, START, span, traces } from './build.js'

const ctx = { projectId: 'p1' }

function survivors(...spans: ReturnType<typeof span>[]) {
  return normalizeTraces(traces(spans), ctx)
}

describe('a bad span is rejected alone, with a reason', () => {
  it.each([
    ['trace id of wrong length', { traceId: 'abc' }, /trace id must be 32 hex characters, got 3/],
    ['trace id not hex', { traceId: 'z'.repeat(32) }, /trace id is not hexadecimal/],
    ['trace id all zeros', { traceId: '0'.repeat(32) }, /trace id is all zeros/],
    ['empty span id', { spanId: '' }, /span id must be 16 hex characters, got 0/],
    ['span id all zeros', { spanId: '0'.repeat(16) }, /span id is all zeros/],
    ['parent of wrong length', { parentSpanId: '123' }, /parent span id must be 16/],
    ['parent not hex', { parentSpanId: 'g'.repeat(16) }, /parent span id is not hexadecimal/],
    ['zero start', { startTimeUnixNano: '0' }, /start time is missing/],
    ['start not a number', { startTimeUnixNano: '-5' }, /start time is not a decimal/],
    ['start beyond 2262', { startTimeUnixNano: '99999999999999999999' }, /start time is out of range/],
    ['end before start', { endTimeUnixNano: '1767225599999999999' }, /end time is before start time/],
  ])('%s', (_, bad, reason) => {
    const out = survivors(span({ name: 'good-1' }), span({ name: 'bad', ...bad }), span({ name: 'good-2' }))
    expect(out.spans.map((s) => s.name)).toEqual(['good-1', 'good-2'])
    expect(out.rejected.count).toBe(1)
    expect(out.rejected.reasons[0]).toMatch(/^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[1\] "bad": /)
    expect(out.rejected.reasons[0]).toMatch(reason)
  })
})

describe('tolerated', () => {
  it('a missing end time reads as a zero-length span', () => {
    const out = survivors(span({ endTimeUnixNano: '0', status: { code: 2, message: 'boom' } }))
    expect(out.spans[0]).toMatchObject({ start_time: START, end_time: START, status_code: 'ERROR' })
  })

  it('uppercase hex ids are stored lowercase; an all-zero parent means root', () => {
    const out = survivors(
      span({ traceId: 'ABCDEF'.padEnd(32, '1'), spanId: 'ABCDEF0123456789', parentSpanId: '0'.repeat(16) }),
    )
    expect(out.spans[0]).toMatchObject({
      trace_id: 'abcdef'.padEnd(32, '1'),
      span_id: 'abcdef0123456789',
      parent_span_id: '',
    })
  })

  it('leading zeros in times are dropped; equal start and end is fine', () => {
    const out = survivors(span({ startTimeUnixNano: `00${START}`, endTimeUnixNano: START }))
    expect(out.spans[0]).toMatchObject({ start_time: START, end_time: START })
  })
})

it('reasons are capped while the count stays exact', () => {
  const bad = Array.from({ length: 50 }, () => span({ traceId: 'x' }))
  const out = survivors(...bad, span({ name: 'ok' }))
  expect(out.spans).toHaveLength(1)
  expect(out.rejected.count).toBe(50)
  expect(out.rejected.reasons).toHaveLength(MAX_REASONS + 1)
  expect(out.rejected.reasons.at(-1)).toBe(`... and ${50 - MAX_REASONS} more`)
})

it('span events become event rows, untimed ones at the span start', () => {
  const s = span({
    events: [
      { timeUnixNano: END, name: 'retry', attributes: Object.assign(Object.create(null), { attempt: 2n }) },
      { timeUnixNano: '0', name: 'untimed', attributes: Object.create(null) },
    ],
  })
  const out = survivors(s)
  expect(out.events).toEqual([
    {
      project_id: 'p1',
      trace_id: s.traceId,
      span_id: s.spanId,
      time: END,
      name: 'retry',
      source: 'span_event',
      attributes: { attempt: '2' },
      body: '',
    },
    {
      project_id: 'p1',
      trace_id: s.traceId,
      span_id: s.spanId,
      time: START,
      name: 'untimed',
      source: 'span_event',
      attributes: {},
      body: '',
    },
  ])
})
