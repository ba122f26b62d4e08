/**
 * Hostile and broken bodies: each is refused with a DecodeError that says
 * what is wrong, or decoded as far as the OTLP rules allow; none escapes as
 * another error or takes the process down.
 */

import { describe, expect, it } from 'vitest'
import { DecodeError, decodeExport, maxValueDepth } from '../../src/decode/index.js'
import { exportFixtures } from './fixtures.js'
import { kv, ld, logsRequest, nestedArrayJson, nestedArrayValue, tracesRequest } from './wire.js'

const span = (...fields: Buffer[]) => Buffer.concat(fields)
const firstSpan = (body: Buffer) =>
  decodeExport('traces', 'protobuf', body).resourceSpans[0]!.scopeSpans[0]!.spans[0]!

describe('truncated protobuf', () => {
  const fixture = exportFixtures.find((f) => f.name === 'openinference/rag-1')!

  it('is refused with the byte offset where decoding stopped', () => {
    const cut = fixture.body.subarray(0, Math.floor(fixture.body.length / 2))
    expect(() => decodeExport('traces', 'protobuf', cut)).toThrow(
      /^invalid protobuf: truncated or corrupt message \(index out of range\) at byte \d+ of \d+$/,
    )
  })

  it('every prefix either decodes or throws a DecodeError', () => {
    for (let len = 0; len < fixture.body.length; len += 7) {
      try {
        decodeExport('traces', 'protobuf', fixture.body.subarray(0, len))
      } catch (err) {
        expect(err).toBeInstanceOf(DecodeError)
      }
    }
  })

  it('a bad wire type is named', () => {
    expect(() => decodeExport('traces', 'protobuf', Buffer.from([0x0f, 0x00]))).toThrow(
      /invalid protobuf: invalid wire type 7/,
    )
  })
})

describe('invalid JSON', () => {
  it('gives line and column', () => {
    expect(() => decodeExport('traces', 'json', Buffer.from('{"resourceSpans": }'))).toThrow(
      'invalid JSON at line 1 column 19: unexpected "}"',
    )
    expect(() =>
      decodeExport('logs', 'json', Buffer.from('{\n  "resourceLogs": [\n    {"a" 1}\n  ]\n}')),
    ).toThrow("invalid JSON at line 3 column 10: expected ':' after a property name")
    expect(() => decodeExport('logs', 'json', Buffer.from('{"resourceLogs": ['))).toThrow(
      'invalid JSON at line 1 column 19: unexpected end of input',
    )
    expect(() => decodeExport('logs', 'json', Buffer.from(''))).toThrow('invalid JSON at line 1 column 1')
  })

  it('refuses a top level that is not an object, and names a mistyped field by path', () => {
    expect(() => decodeExport('traces', 'json', Buffer.from('[1]'))).toThrow(
      'invalid OTLP/JSON: expected an object at the top level, got an array',
    )
    const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{}, { name: 42 }] }] }] })
    expect(() => decodeExport('traces', 'json', Buffer.from(body))).toThrow(
      'invalid OTLP/JSON: resourceSpans[0].scopeSpans[0].spans[1].name: expected a string, got a number',
    )
  })

  it('refuses a malformed time or int64', () => {
    const t = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: '12x' }] }] }] })
    expect(() => decodeExport('traces', 'json', Buffer.from(t))).toThrow(
      /startTimeUnixNano: expected an unsigned/,
    )
    const i = JSON.stringify({
      resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { intValue: 1.5 } }] }] }],
    })
    expect(() => decodeExport('logs', 'json', Buffer.from(i))).toThrow(
      /logRecords\[0\]\.body\.intValue: expected a 64-bit/,
    )
  })
})

describe('ids of the wrong length pass through for normalization to reject', () => {
  it('protobuf', () => {
    const s = firstSpan(tracesRequest(span(ld(1, Buffer.from([0xab, 0xcd, 0xef])), ld(2, Buffer.alloc(0)))))
    expect(s.traceId).toBe('abcdef')
    expect(s.spanId).toBe('')
  })
  it('JSON', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'ABC', spanId: 'xyz!' }] }] }],
    })
    const s = decodeExport('traces', 'json', Buffer.from(body)).resourceSpans[0]!.scopeSpans[0]!.spans[0]!
    expect(s.traceId).toBe('abc')
    expect(s.spanId).toBe('xyz!')
  })
})

describe('deep nesting is bounded, not a stack overflow', () => {
  for (const depth of [maxValueDepth + 1, 120, 10_000]) {
    it(`protobuf, ${depth} levels`, () => {
      const body = tracesRequest(ld(9, kv('deep', nestedArrayValue(depth))))
      expect(() => decodeExport('traces', 'protobuf', body)).toThrow(DecodeError)
      expect(() => decodeExport('traces', 'protobuf', body)).toThrow(/nested deeper than|max depth exceeded/)
    })
    it(`JSON, ${depth} levels`, () => {
      const body = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"deep","value":${nestedArrayJson(depth)}}]}]}]}]}`
      expect(() => decodeExport('traces', 'json', Buffer.from(body))).toThrow(
        /^invalid OTLP\/JSON: resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.attributes\[0\]\.value(\.arrayValue\[\d+\])*.*nested deeper than 32 levels$/,
      )
    })
  }

  it(`${maxValueDepth} levels decode in both encodings, to the same value`, () => {
    const proto = firstSpan(tracesRequest(ld(9, kv('deep', nestedArrayValue(maxValueDepth)))))
    const jsonBody = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"deep","value":${nestedArrayJson(maxValueDepth)}}]}]}]}]}`
    const json = decodeExport('traces', 'json', Buffer.from(jsonBody)).resourceSpans[0]!.scopeSpans[0]!
      .spans[0]!
    expect(proto.attributes.deep).toStrictEqual(json.attributes.deep)
    expect(JSON.stringify(proto.attributes.deep)).toBe(
      `${'['.repeat(maxValueDepth)}"leaf"${']'.repeat(maxValueDepth)}`,
    )
  })

  it('10,000 nested JSON arrays outside any value are parsed without overflow', () => {
    const body = `{"unknownField":${'['.repeat(10_000)}${']'.repeat(10_000)},"resourceSpans":[]}`
    expect(decodeExport('traces', 'json', Buffer.from(body))).toEqual({ resourceSpans: [] })
    expect(() => decodeExport('traces', 'json', Buffer.from('['.repeat(10_000)))).toThrow(
      /unexpected end of input/,
    )
  })
})

describe('large and odd strings', () => {
  const big = 'x'.repeat(10 * 1024 * 1024)

  it('a 10 MB attribute string decodes from protobuf and JSON', () => {
    const proto = firstSpan(tracesRequest(ld(9, kv('big', ld(1, big)))))
    expect(proto.attributes.big).toHaveLength(big.length)
    const json = JSON.stringify({
      resourceSpans: [
        { scopeSpans: [{ spans: [{ attributes: [{ key: 'big', value: { stringValue: big } }] }] }] },
      ],
    })
    const s = decodeExport('traces', 'json', Buffer.from(json)).resourceSpans[0]!.scopeSpans[0]!.spans[0]!
    expect(s.attributes.big).toBe(big)
  })

  it('invalid UTF-8 in a protobuf string becomes U+FFFD instead of failing the export', () => {
    const bad = Buffer.from([0x66, 0xff, 0x6f, 0xe2, 0x82])
    const s = firstSpan(tracesRequest(span(ld(5, bad), ld(9, kv('k', ld(1, bad))))))
    expect(s.name).toBe('f\uFFFDo\uFFFD')
    expect(s.attributes.k).toBe('f\uFFFDo\uFFFD')
    const record = decodeExport('logs', 'protobuf', logsRequest(ld(5, ld(1, bad)))).resourceLogs[0]!
      .scopeLogs[0]!.logRecords[0]!
    expect(record.body).toBe('f\uFFFDo\uFFFD')
  })

  it('invalid UTF-8 in a JSON body becomes U+FFFD too', () => {
    const body = Buffer.concat([
      Buffer.from('{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"f'),
      Buffer.from([0xff]),
      Buffer.from('o"}]}]}]}'),
    ])
    expect(decodeExport('traces', 'json', body).resourceSpans[0]!.scopeSpans[0]!.spans[0]!.name).toBe(
      'f\uFFFDo',
    )
  })

  it('keys such as __proto__ are plain keys', () => {
    const s = firstSpan(
      tracesRequest(span(ld(9, kv('__proto__', ld(1, 'a'))), ld(9, kv('constructor', ld(1, 'b'))))),
    )
    expect(Object.keys(s.attributes)).toEqual(['__proto__', 'constructor'])
    expect(s.attributes.constructor).toBe('b')
    expect(({} as Record<string, unknown>).a).toBeUndefined()
  })
})
