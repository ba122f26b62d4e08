import { emptySpanRow, type SpanRow } from '@assay/core'
import { spanLine } from '@assay/store'
import { describe, expect, it } from 'vitest'
import { decodeExport } from '../../src/decode/index.js'
import { normalizeTraces } from '../../src/normalize/index.js'
import { JsonBytes } from '../../src/write/json-bytes.js'
import { appendSpanRows, spanRowsBody } from '../../src/write/span-rows-body.js'
import { exportFixtures } from '../decode/fixtures.js'

/** What the store's own serializer makes of the rows: the definition of the wire format. */
const expected = (rows: SpanRow[]) => Buffer.from(rows.map(spanLine).join('\n'))

const row = (fields: Partial<SpanRow> = {}): SpanRow =>
  emptySpanRow({
    project_id: 'p',
    trace_id: '0af7651916cd43dd8448eb211c80319c',
    span_id: 'b7ad6b7169203331',
    start_time: '1700000000123456789',
    end_time: '1700000000223456789',
    ...fields,
  })

const map = (entries: Record<string, string>): Record<string, string> =>
  Object.assign(Object.create(null) as Record<string, string>, entries)

describe('spanRowsBody is byte for byte the store spanLine rows joined', () => {
  it('for every captured export, normalized', () => {
    for (const f of exportFixtures.filter((f) => f.signal === 'traces')) {
      const { spans } = normalizeTraces(decodeExport('traces', f.format, f.body), { projectId: 'p1' })
      expect(spanRowsBody(spans).equals(expected(spans)), f.name).toBe(true)
    }
  })

  it('for text that needs escaping or is not ASCII', () => {
    const texts = [
      '',
      'plain',
      '"quoted" \\ back\\slash',
      'controls \u0000\u0001\u0008\u0009\u000a\u000b\u000c\u000d\u001f\u007f',
      'é ✓ 中文 😀 and a pair split: \ud83d\ude00',
      'lone \ud800 high, lone \udfff low, at the end \ud83d',
      '\udc00 low first',
      'U+2028 \u2028 and U+2029 \u2029',
      '{"role":"user","content":"Hi\\n\\"there\\""}',
    ]
    const rows = texts.map((t, i) =>
      row({
        name: t,
        input: t,
        status_message: t,
        attributes: map({ [t]: t, [`k${i}`]: t }),
        tags: map({ [t]: '' }),
        metadata: map({ m: t }),
      }),
    )
    expect(spanRowsBody(rows).toString('latin1')).toBe(expected(rows).toString('latin1'))
  })

  it('for numbers of every kind', () => {
    const numbers = [0, -0, 1, 9, 10, 99, 100, 999, 1000, 4294967295, 2 ** 31, 2 ** 31 - 1, 2 ** 53, -5]
    const floats = [0.5, 1e-7, 1.5e21, 123.456, Number.NaN, Number.POSITIVE_INFINITY, -1e-300]
    const rows = [...numbers, ...floats].map((n) =>
      row({ input_tokens: n, output_tokens: n, total_tokens: n, cost_usd: n }),
    )
    expect(spanRowsBody(rows).equals(expected(rows))).toBe(true)
  })

  it('for maps with integer-like keys, non-string values, or a prototype', () => {
    const ordered = map({ b: '1', 10: 'ten', a: '2', 2: 'two' })
    const mixed = map({ a: 'x' }) as Record<string, unknown>
    mixed.n = 5
    mixed.u = undefined
    const plain = { z: 'last', 1: 'one' }
    const rows = [
      row({ attributes: ordered }),
      row({ attributes: mixed as Record<string, string> }),
      row({ metadata: plain }),
      row({ tags: Object.assign(Object.create({ inherited: 'no' }), { own: 'yes' }) }),
    ]
    expect(spanRowsBody(rows).toString()).toBe(expected(rows).toString())
  })

  it('for rows spanLine writes generically, and for odd times', () => {
    const rows = [
      row({ start_time: '0001700000000123456', end_time: '01700000000223456' }),
      row({ start_time: '0', end_time: '9223372036854775807' }),
      { ...row(), name: 42 } as unknown as SpanRow,
      { ...row(), attributes: { toJSON: () => 'custom' } } as unknown as SpanRow,
      { ...row(), extra: 'column' } as unknown as SpanRow,
    ]
    expect(spanRowsBody(rows).toString()).toBe(expected(rows).toString())
    const bad = [row({ start_time: '1.5' })]
    expect(() => expected(bad)).toThrow(TypeError)
    expect(() => spanRowsBody(bad)).toThrow(/time must be nanoseconds since the epoch/)
    expect(() => spanRowsBody([row({ end_time: '99999999999999999999' })])).toThrow(TypeError)
  })

  it('copies a resource map shared by rows, and writes a different one afresh', () => {
    const shared = map({ 'service.name': 'svc', 'host.name': 'h"1' })
    const other = map({ 'service.name': 'other' })
    const rows = [
      row({ resource_attributes: shared }),
      row({ resource_attributes: shared, input: 'x'.repeat(1000) }),
      row({ resource_attributes: other }),
      row({ resource_attributes: shared }),
    ]
    expect(spanRowsBody(rows).toString()).toBe(expected(rows).toString())
  })

  it('grows its buffer as needed, and returns a body of its own each time', () => {
    const big = Array.from({ length: 30 }, (_, i) =>
      row({
        input: `${i}`.padEnd(300_000, '✓'),
        output: '\u0001'.repeat(50_000),
        attributes: map({ k: '😀'.repeat(100_000) }),
      }),
    )
    expect(spanRowsBody(big).equals(expected(big))).toBe(true)
    const first = spanRowsBody([row({ name: 'first' })])
    const second = spanRowsBody([row({ name: 'second' })])
    expect(first.equals(expected([row({ name: 'first' })]))).toBe(true)
    expect(second.equals(expected([row({ name: 'second' })]))).toBe(true)
    expect(spanRowsBody([]).length).toBe(0)
  })

  it('appends a second export after the lines already there, and takes a throwing export back out', () => {
    const out = new JsonBytes(16)
    const a = [row({ name: 'a' }), row({ name: 'b' })]
    const c = [row({ name: 'c' })]
    appendSpanRows(out, a)
    const bad = [row({ name: 'ok' }), row({ start_time: '1e9' })]
    expect(() => appendSpanRows(out, bad)).toThrow(/time must be nanoseconds since the epoch/)
    appendSpanRows(out, c)
    expect(out.buf.subarray(0, out.pos).equals(expected([...a, ...c]))).toBe(true)
  })
})
