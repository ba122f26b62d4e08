/**
 * OTLP/protobuf request bodies -> decoded exports.
 *
 * The walkers (traces.ts, logs.ts) read the wire with protobufjs's Reader
 * straight into the decoded structure (see wire.ts for why). Whatever they
 * throw on a hostile body — a length past the end, a bad wire type, an
 * over-long varint — becomes a DecodeError naming the byte offset where
 * decoding stopped.
 *
 * @example
 *   const req = decodeTracesProtobuf(body) // body: Uint8Array
 *   req.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId // '5b8efff7...'
 */

import type { DecodedLogsRequest, DecodedTracesRequest } from '../../otlp/types.js'
import { DecodeError } from '../decode-error.js'
import { readLogsRequest } from './logs.js'
import { readTracesRequest } from './traces.js'
import { type Reader, readerOf } from './wire.js'

export function decodeTracesProtobuf(body: Uint8Array): DecodedTracesRequest {
  return decodeWith(readTracesRequest, body)
}

export function decodeLogsProtobuf(body: Uint8Array): DecodedLogsRequest {
  return decodeWith(readLogsRequest, body)
}

function decodeWith<T>(read: (r: Reader) => T, body: Uint8Array): T {
  const reader = readerOf(body)
  try {
    return read(reader)
  } catch (err) {
    if (err instanceof DecodeError) throw err
    throw new DecodeError(
      'protobuf',
      `invalid protobuf: ${describe(err)} at byte ${reader.pos} of ${reader.len}`,
      { cause: err },
    )
  }
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  // "index out of range: 1234 + 10 > 1240" says the same as the offset we add.
  if (message.startsWith('index out of range')) return 'truncated or corrupt message (index out of range)'
  return message
}
