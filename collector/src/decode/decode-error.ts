/**
 * The one error the decoders throw for bad input. Whatever is wrong with a
 * body (truncated protobuf, malformed JSON, a field of the wrong type, values
 * nested too deep) surfaces as a DecodeError whose message says what and
 * where, so the receive stage can answer 400 with it and the fuzz test can
 * check that nothing else ever escapes. Messages start with what was
 * invalid: `invalid protobuf: ...`, `invalid JSON at line 1 column 17: ...`,
 * `invalid OTLP/JSON: resourceSpans[0]...: expected a string`.
 */

export type WireFormat = 'protobuf' | 'json'

export class DecodeError extends Error {
  override readonly name = 'DecodeError'
  readonly format: WireFormat

  constructor(format: WireFormat, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.format = format
  }
}
