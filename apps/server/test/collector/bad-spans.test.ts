/**
 * Decodable exports holding bad or unusual spans: a bad span is rejected
 * alone (200 with partialSuccess naming it), unusual values are stored.
 * Each runs in both encodings, beside a valid export, and the server stays up.
 */
import type { SpanRow } from '@assay/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { getTrace, spanNamed } from './helpers/api.js'
import { post, postTraces } from './helpers/http.js'
import { alongsideValidExport } from './helpers/neighbour.js'
import { type AnyValue, chatSpan, type KeyValue, randomTraceId, tracesRequest } from './helpers/otlp.js'
import { decodePartialSuccess } from './helpers/otlp-proto.js'
import { isUp, START_TIMEOUT_MS, startTestServer, type TestServer } from './helpers/server.js'

let server: TestServer
beforeAll(async () => {
  // Room for the 10 MB attribute.
  server = await startTestServer('bad-spans', { ASSAY_MAX_BODY_BYTES: String(32 * 1024 * 1024) })
}, START_TIMEOUT_MS)
afterAll(() => server?.dispose(), 120_000)
afterEach(async () => {
  expect(await isUp(server.assay), 'the server is still up').toBe(true)
  expect(server.assay.stdout()).not.toContain('"msg":"unhandled error"')
})

const encodings = ['protobuf', 'json'] as const

function partialSuccessOf(res: { body: Buffer }, format: 'protobuf' | 'json') {
  if (format === 'protobuf') return decodePartialSuccess(res.body)
  const p = JSON.parse(res.body.toString()).partialSuccess
  return p
    ? { rejectedSpans: Number(p.rejectedSpans ?? 0), errorMessage: String(p.errorMessage ?? '') }
    : null
}

async function storedSpans(traceId: string): Promise<SpanRow[]> {
  return (await getTrace(server.url, traceId))?.spans ?? []
}

describe.each(encodings)('bad spans as %s', (format) => {
  it('ids of the wrong length: those spans rejected by name, the good ones stored', async () => {
    const traceId = randomTraceId()
    const good = [chatSpan(traceId), chatSpan(traceId), chatSpan(traceId)]
    const badTrace = { ...chatSpan(traceId), traceId: traceId.slice(0, 30), name: 'short-trace-id' }
    const badSpan = { ...chatSpan(traceId), spanId: 'abcdef0123456789ab', name: 'long-span-id' }
    const badParent = { ...chatSpan(traceId), parentSpanId: 'abcdef', name: 'short-parent-id' }
    const req = tracesRequest([good[0]!, badTrace, good[1]!, badSpan, badParent, good[2]!])
    const res = await alongsideValidExport(server.url, () => postTraces(server.url, req, format))
    expect(res.status).toBe(200)
    const partial = partialSuccessOf(res, format)
    expect(partial?.rejectedSpans).toBe(3)
    // Each rejected span is named, with where it sat in the export and why.
    expect(partial?.errorMessage).toMatch(/spans\[1\] "short-trace-id": trace id/)
    expect(partial?.errorMessage).toMatch(/spans\[3\] "long-span-id": span id/)
    expect(partial?.errorMessage).toMatch(/spans\[4\] "short-parent-id": parent span id/)
    const stored = await storedSpans(traceId)
    expect(stored.map((s) => s.span_id).sort()).toEqual(good.map((s) => s.spanId).sort())
  })

  it('zero start time and end before start: rejected alone', async () => {
    const traceId = randomTraceId()
    const good = chatSpan(traceId)
    const zero = { ...chatSpan(traceId), startTimeUnixNano: '0', name: 'zero-start' }
    const early = chatSpan(traceId)
    const backwards = {
      ...early,
      endTimeUnixNano: String(BigInt(early.startTimeUnixNano) - 1n),
      name: 'backwards',
    }
    const res = await alongsideValidExport(server.url, () =>
      postTraces(server.url, tracesRequest([zero, good, backwards]), format),
    )
    expect(res.status).toBe(200)
    const partial = partialSuccessOf(res, format)
    expect(partial?.rejectedSpans).toBe(2)
    expect(partial?.errorMessage).toMatch(/"zero-start": start time/)
    expect(partial?.errorMessage).toMatch(/"backwards": end time is before start time/)
    expect((await storedSpans(traceId)).map((s) => s.span_id)).toEqual([good.spanId])
  })

  it('attribute values of every type, deeply nested arrays and kvlists, are stored', async () => {
    const traceId = randomTraceId()
    const span = chatSpan(traceId, '', everyType)
    const res = await alongsideValidExport(server.url, () =>
      postTraces(server.url, tracesRequest([span]), format),
    )
    expect(res.status).toBe(200)
    expect(partialSuccessOf(res, format)).toBeNull()
    const a = (await storedSpans(traceId))[0]!.attributes
    expect(a).toMatchObject({
      str: 'hello',
      empty: '',
      bool: 'true',
      int: '42',
      negative: '-7',
      int64max: '9223372036854775807',
      double: '1.5',
      bytes: 'AAEC/w==',
    })
    expect(JSON.parse(a.mixed!)).toEqual(['a', 1, true, 2.5])
    expect(JSON.parse(a.emptyArray!)).toEqual([])
    expect(JSON.parse(a.emptyKvlist!)).toEqual({})
    expect(JSON.parse(a.kvlist!)).toEqual({ a: 'x', b: { c: [1, 2] } })
    expect(JSON.parse(a.deepArray!)).toEqual(nest(DEPTH, (v) => [v], 'bottom'))
    expect(JSON.parse(a.deepKvlist!)).toEqual(nest(DEPTH, (v) => ({ k: v }), 'bottom'))
  })

  it('a 10 MB attribute string is stored whole', async () => {
    const traceId = randomTraceId()
    const big = 'abcdefghij'.repeat(1_000_000)
    const span = chatSpan(traceId, '', [{ key: 'big', value: { stringValue: big } }])
    const res = await alongsideValidExport(server.url, () =>
      postTraces(server.url, tracesRequest([span]), format),
    )
    expect(res.status).toBe(200)
    const stored = (await storedSpans(traceId))[0]!
    expect(stored.attributes.big?.length).toBe(big.length)
    expect(stored.attributes.big === big).toBe(true)
  }, 120_000)

  it('invalid UTF-8 is stored with replacement characters', async () => {
    const traceId = randomTraceId()
    const span = chatSpan(traceId)
    const name = Buffer.from([0x62, 0x61, 0x64, 0x2d, 0xff, 0xfe, 0x2d, 0x6e]) // "bad-\xff\xfe-n"
    const value = Buffer.from([0x68, 0x69, 0xc3, 0x28, 0x21]) // "hi\xc3(!"
    const res = await alongsideValidExport(server.url, () =>
      format === 'protobuf'
        ? postTraces(
            server.url,
            tracesRequest([{ ...span, name, attributes: [{ key: 'raw', value: { stringValue: value } }] }]),
          )
        : post(server.url, '/v1/traces', {
            contentType: 'application/json',
            body: jsonWithRawBytes(span, name, value),
          }),
    )
    expect(res.status, res.body.toString()).toBe(200)
    const stored = spanNamed((await getTrace(server.url, traceId))!, 'bad-\uFFFD\uFFFD-n')
    expect(stored.attributes.raw).toBe('hi\uFFFD(!')
  })
})

const DEPTH = 20
function nest<T>(depth: number, wrap: (v: unknown) => T, bottom: unknown): unknown {
  let v = bottom
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}
const deep = (depth: number, wrap: (v: AnyValue) => AnyValue): AnyValue => {
  let v: AnyValue = { stringValue: 'bottom' }
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}
const everyType: KeyValue[] = [
  { key: 'str', value: { stringValue: 'hello' } },
  { key: 'empty', value: { stringValue: '' } },
  { key: 'bool', value: { boolValue: true } },
  { key: 'int', value: { intValue: 42 } },
  { key: 'negative', value: { intValue: -7 } },
  { key: 'int64max', value: { intValue: '9223372036854775807' } },
  { key: 'double', value: { doubleValue: 1.5 } },
  { key: 'bytes', value: { bytesValue: 'AAEC/w==' } },
  {
    key: 'mixed',
    value: {
      arrayValue: {
        values: [{ stringValue: 'a' }, { intValue: 1 }, { boolValue: true }, { doubleValue: 2.5 }],
      },
    },
  },
  { key: 'emptyArray', value: { arrayValue: { values: [] } } },
  { key: 'emptyKvlist', value: { kvlistValue: { values: [] } } },
  {
    key: 'kvlist',
    value: {
      kvlistValue: {
        values: [
          { key: 'a', value: { stringValue: 'x' } },
          {
            key: 'b',
            value: {
              kvlistValue: {
                values: [{ key: 'c', value: { arrayValue: { values: [{ intValue: 1 }, { intValue: 2 }] } } }],
              },
            },
          },
        ],
      },
    },
  },
  { key: 'deepArray', value: deep(DEPTH, (v) => ({ arrayValue: { values: [v] } })) },
  { key: 'deepKvlist', value: deep(DEPTH, (v) => ({ kvlistValue: { values: [{ key: 'k', value: v }] } })) },
]

/** An OTLP/JSON body whose span name and one attribute value hold raw (invalid UTF-8) bytes. */
function jsonWithRawBytes(span: ReturnType<typeof chatSpan>, name: Buffer, value: Buffer): Buffer {
  const text = JSON.stringify(
    tracesRequest([
      { ...span, name: '@NAME@', attributes: [{ key: 'raw', value: { stringValue: '@VALUE@' } }] },
    ]),
  )
  const [before, rest] = text.split('@NAME@') as [string, string]
  const [middle, after] = rest.split('@VALUE@') as [string, string]
  return Buffer.concat([Buffer.from(before), name, Buffer.from(middle), value, Buffer.from(after)])
}
