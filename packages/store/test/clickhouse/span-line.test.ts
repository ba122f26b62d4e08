import type { SpanRow } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { spanLine } from '../../src/clickhouse/write/insert-spans.js'
import { span, traceId } from './fixtures.js'

/** The generic serialization spanLine used before its column-by-column fast path. */
function genericLine(row: SpanRow): string {
  const { start_time, end_time, ...rest } = row
  return `{"start_time":${start_time},"end_time":${end_time},${JSON.stringify(rest).slice(1)}`
}

/** The row's keys in the table's column order, as the collector's normalization builds rows. */
function inColumnOrder(row: SpanRow): SpanRow {
  const { project_id, trace_id, ...rest } = row
  return { project_id, trace_id, ...rest }
}

const nullProto = (entries: Record<string, string>): Record<string, string> =>
  Object.assign(Object.create(null) as Record<string, string>, entries)

describe('spanLine', () => {
  it('writes a typed row byte for byte as the generic serialization does', () => {
    const rows = [
      span({ project_id: 'p1', trace_id: traceId() }),
      span({
        project_id: 'p "quoted" \\ \n',
        trace_id: traceId(),
        name: 'é ✓ 😀 \u0000 \u2028 \ud800',
        input: '[{"role":"user","content":"hi \\"there\\""}]',
        cost_usd: 0.000123,
        attributes: nullProto({
          toJSON: 'a string, not a method',
          __proto__: 'x',
          'gen_ai.input.messages': '[1]',
        }),
        tags: nullProto({ a: 'b' }),
        metadata: nullProto({}),
      }),
    ]
    for (const row of rows.map(inColumnOrder)) expect(spanLine(row)).toBe(genericLine(row))
    // Keys in another order: the same object, columns in the table's order.
    for (const row of rows) expect(JSON.parse(spanLine(row))).toEqual(JSON.parse(genericLine(row)))
  })

  it('writes numbers without a JSON spelling as null, like JSON.stringify', () => {
    const row = inColumnOrder(span({ project_id: 'p1', trace_id: traceId(), cost_usd: Number.NaN }))
    expect(spanLine(row)).toBe(genericLine(row))
    expect(JSON.parse(spanLine(row)).cost_usd).toBeNull()
  })

  it('serializes a row with a column of another type exactly as it is (generic path)', () => {
    const row = {
      ...span({ project_id: 'p1', trace_id: traceId() }),
      session_id: undefined,
    } as unknown as SpanRow
    expect(spanLine(row)).toBe(genericLine(row))
    expect('session_id' in JSON.parse(spanLine(row))).toBe(false)
  })

  it('strips leading zeros of times and refuses a time that is not a decimal integer', () => {
    const row = span({ project_id: 'p1', trace_id: traceId(), start_time: '0001', end_time: '0' })
    expect(spanLine(row)).toMatch(/^\{"start_time":1,"end_time":0,/)
    expect(() => spanLine({ ...row, start_time: '1e9' })).toThrow(TypeError)
  })
})
