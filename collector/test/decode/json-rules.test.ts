/** OTLP/JSON's own rules, and the leniencies we allow on top of them. */

import { describe, expect, it } from 'vitest'
import { decodeLogsJson, decodeTracesJson } from '../../src/decode/index.js'

const spanOf = (s: object) =>
  decodeTracesJson(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [s] }] }] })).resourceSpans[0]!
    .scopeSpans[0]!.spans[0]!
const attrValue = (value: unknown) => spanOf({ attributes: [{ key: 'k', value }] }).attributes.k
const recordOf = (r: object) =>
  decodeLogsJson(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [r] }] }] })).resourceLogs[0]!
    .scopeLogs[0]!.logRecords[0]!

describe('OTLP/JSON', () => {
  it('reads ids as hex and lowercases them', () => {
    const s = spanOf({ traceId: '5B8EFFF798038103D269B633813FC60C', spanId: 'EEE19B7EC3C1B174' })
    expect(s.traceId).toBe('5b8efff798038103d269b633813fc60c')
    expect(s.spanId).toBe('eee19b7ec3c1b174')
  })

  it('understands base64 ids from clients that use plain proto3 JSON', () => {
    const s = spanOf({ traceId: 'W47/95gDgQPSabYzgT/GDA==', spanId: '7uGbfsPBsXQ=' })
    expect(s.traceId).toBe('5b8efff798038103d269b633813fc60c')
    expect(s.spanId).toBe('eee19b7ec3c1b174')
  })

  it('takes 64-bit integers as strings or numbers; times stay exact strings', () => {
    expect(attrValue({ intValue: '9223372036854775807' })).toBe(9223372036854775807n)
    expect(attrValue({ intValue: -42 })).toBe(-42n)
    const s = spanOf({ startTimeUnixNano: '1795902722042123457', endTimeUnixNano: 1795902722 })
    expect(s.startTimeUnixNano).toBe('1795902722042123457')
    expect(s.endTimeUnixNano).toBe('1795902722')
    expect(spanOf({}).startTimeUnixNano).toBe('0')
  })

  it('takes enums as numbers or names', () => {
    expect(spanOf({ kind: 3, status: { code: 2, message: 'boom' } })).toMatchObject({
      kind: 3,
      status: { code: 2, message: 'boom' },
    })
    expect(spanOf({ kind: 'SPAN_KIND_CLIENT', status: { code: 'STATUS_CODE_ERROR' } })).toMatchObject({
      kind: 3,
      status: { code: 2, message: '' },
    })
    expect(recordOf({ severityNumber: 'SEVERITY_NUMBER_WARN' }).severityNumber).toBe(13)
    expect(() => spanOf({ kind: 'CLIENT' })).toThrow(/kind: expected an enum number/)
  })

  it('decodes every AnyValue kind', () => {
    expect(attrValue({ stringValue: 's' })).toBe('s')
    expect(attrValue({ boolValue: false })).toBe(false)
    expect(attrValue({ doubleValue: 1.5 })).toBe(1.5)
    expect(attrValue({ doubleValue: 'NaN' })).toBeNaN()
    expect(attrValue({ bytesValue: 'AQID' })).toStrictEqual(new Uint8Array([1, 2, 3]))
    expect(attrValue({ arrayValue: { values: [{ intValue: 1 }, {}] } })).toStrictEqual([1n, null])
    expect(attrValue({ arrayValue: {} })).toStrictEqual([])
    const kv = attrValue({ kvlistValue: { values: [{ key: 'a', value: { stringValue: 'x' } }] } })
    expect(Object.getPrototypeOf(kv)).toBeNull()
    expect({ ...(kv as object) }).toEqual({ a: 'x' })
    expect(attrValue({})).toBeNull()
    expect(attrValue(undefined)).toBeNull()
  })

  it('prefers a real member over an empty stringValue printed beside it', () => {
    expect(attrValue({ stringValue: '', intValue: '7' })).toBe(7n)
  })

  it('maps "body": {} to a null body, and reads eventName', () => {
    const r = recordOf({ body: {}, eventName: 'gen_ai.client.inference.operation.details' })
    expect(r.body).toBeNull()
    expect(r.eventName).toBe('gen_ai.client.inference.operation.details')
  })

  it('ignores unknown fields and takes snake_case names', () => {
    const s = spanOf({
      trace_id: 'aa',
      parent_span_id: 'bb',
      start_time_unix_nano: '5',
      droppedAttributesCount: 3,
      somethingNew: { deep: [1, 2] },
      attributes: [{ key: 'k', value: { string_value: 'v' } }],
    })
    expect(s).toMatchObject({
      traceId: 'aa',
      parentSpanId: 'bb',
      startTimeUnixNano: '5',
      attributes: { k: 'v' },
    })
    expect(recordOf({ event_name: 'e', severity_text: 'INFO' })).toMatchObject({
      eventName: 'e',
      severityText: 'INFO',
    })
  })

  it('lets the last of a repeated attribute key win', () => {
    const s = spanOf({
      attributes: [
        { key: 'k', value: { stringValue: 'first' } },
        { key: 'k', value: { stringValue: 'last' } },
      ],
    })
    expect(s.attributes.k).toBe('last')
  })

  it('treats null fields as absent', () => {
    expect(spanOf({ name: null, attributes: null, status: null })).toMatchObject({
      name: '',
      attributes: {},
      status: { code: 0, message: '' },
    })
  })
})
