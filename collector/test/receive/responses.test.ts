import { describe, expect, it } from 'vitest'
import { type DecodeError, decodeTracesProtobuf } from '../../src/decode/index.js'
import { protoTypes } from '../../src/otlp/proto/root.js'
import {
  PayloadTooLarge,
  RetryableError,
  Unauthenticated,
  UnsupportedMediaType,
} from '../../src/receive/errors.js'
import { encodeExportResponse } from '../../src/receive/export-response.js'
import { toHttpResponse } from '../../src/receive/http-response.js'

const text = (b: Uint8Array) => Buffer.from(b).toString()
const status = (b: Uint8Array) => protoTypes.status.toObject(protoTypes.status.decode(b), { longs: String })

describe('encodeExportResponse', () => {
  it('is empty when nothing was rejected', () => {
    expect(encodeExportResponse('traces', 'protobuf').length).toBe(0)
    expect(encodeExportResponse('logs', 'protobuf', { rejected: 0, errorMessage: '' }).length).toBe(0)
    expect(text(encodeExportResponse('traces', 'json'))).toBe('{}')
  })

  it('reports partial success per signal', () => {
    const traces = protoTypes.traceResponse.decode(
      encodeExportResponse('traces', 'protobuf', { rejected: 2, errorMessage: 'bad trace id' }),
    )
    expect(protoTypes.traceResponse.toObject(traces, { longs: String })).toEqual({
      partialSuccess: { rejectedSpans: '2', errorMessage: 'bad trace id' },
    })
    const logs = protoTypes.logsResponse.decode(
      encodeExportResponse('logs', 'protobuf', { rejected: 1, errorMessage: 'x' }),
    )
    expect(protoTypes.logsResponse.toObject(logs, { longs: String })).toEqual({
      partialSuccess: { rejectedLogRecords: '1', errorMessage: 'x' },
    })
    expect(
      JSON.parse(text(encodeExportResponse('logs', 'json', { rejected: 3, errorMessage: 'y' }))),
    ).toEqual({
      partialSuccess: { rejectedLogRecords: '3', errorMessage: 'y' },
    })
  })
})

describe('toHttpResponse', () => {
  const decodeError = (() => {
    try {
      decodeTracesProtobuf(Buffer.from([0x0a, 0x05, 0x01]))
    } catch (err) {
      return err as DecodeError
    }
    throw new Error('expected a decode error')
  })()

  it('answers a decode error with 400 and a google.rpc.Status in the request encoding', () => {
    const proto = toHttpResponse(decodeError, 'protobuf')
    expect(proto.status).toBe(400)
    expect(proto.headers['content-type']).toBe('application/x-protobuf')
    expect(status(proto.body)).toEqual({ code: 3, message: decodeError.message })
    expect(decodeError.message).toMatch(/^invalid protobuf: .* at byte \d+ of 3$/)

    const json = toHttpResponse(decodeError, 'json')
    expect(json.headers['content-type']).toBe('application/json')
    expect(JSON.parse(text(json.body))).toEqual({ code: 3, message: decodeError.message })
  })

  it('maps each permanent error to its status', () => {
    expect(toHttpResponse(new PayloadTooLarge(10), 'json').status).toBe(413)
    expect(toHttpResponse(new Unauthenticated(), 'json').status).toBe(401)
    const unsupported = toHttpResponse(new UnsupportedMediaType('nope'), undefined)
    expect(unsupported.status).toBe(415)
    expect(unsupported.headers['content-type']).toBe('application/json')
  })

  it('adds Retry-After to retryable errors', () => {
    const r = toHttpResponse(new RetryableError(503, 'write buffer full', 2.2), 'protobuf')
    expect(r.status).toBe(503)
    expect(r.headers['retry-after']).toBe('3')
    expect(status(r.body)).toMatchObject({ code: 14, message: 'write buffer full' })
    expect(toHttpResponse(new RetryableError(429, 'slow down', 1), 'json').status).toBe(429)
  })

  it('hides the details of unexpected errors behind a 500', () => {
    const r = toHttpResponse(new Error('ECONNREFUSED 10.0.0.3:8123'), 'json')
    expect(r.status).toBe(500)
    expect(JSON.parse(text(r.body))).toEqual({ code: 13, message: 'internal error' })
  })
})
