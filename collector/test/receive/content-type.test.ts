import { describe, expect, it } from 'vitest'
import { negotiateEncoding } from '../../src/receive/content-type.js'
import { UnsupportedMediaType } from '../../src/receive/errors.js'

describe('negotiateEncoding', () => {
  it('knows the two OTLP media types, ignoring parameters and case', () => {
    expect(negotiateEncoding('application/x-protobuf')).toBe('protobuf')
    expect(negotiateEncoding('application/json')).toBe('json')
    expect(negotiateEncoding('application/json; charset=utf-8')).toBe('json')
    expect(negotiateEncoding(' Application/X-Protobuf ;foo=bar')).toBe('protobuf')
  })

  it('answers 415 for anything else', () => {
    for (const ct of ['text/plain', 'application/grpc', '', null, undefined, 'constructor', '__proto__']) {
      expect(() => negotiateEncoding(ct)).toThrow(UnsupportedMediaType)
    }
    expect(() => negotiateEncoding('text/plain')).toThrow(
      "unsupported media type 'text/plain'; expected application/x-protobuf or application/json",
    )
    expect(() => negotiateEncoding(undefined)).toThrow(/no Content-Type/)
  })
})
