/**
 * OTLP/protobuf request bodies -> decoded exports.
 *
 * protobufjs does the wire decoding (with its nesting limit of 100 messages);
 * whatever it throws on a hostile body — a length past the end, a bad wire
 * type, an over-long varint — becomes a DecodeError naming the byte offset
 * where decoding stopped.
 *
 * @example
 *   const req = decodeTracesProtobuf(body) // body: Uint8Array
 *   req.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId // '5b8efff7...'
 */

import protobuf from 'protobufjs'
import { protoTypes } from '../../otlp/proto/root.js'
import type { DecodedLogsRequest, DecodedTracesRequest } from '../../otlp/types.js'
import { DecodeError } from '../decode-error.js'
import { logsFromProto, tracesFromProto } from './from-proto.js'
import type { PbLogsRequest, PbTracesRequest } from './messages.js'

export function decodeTracesProtobuf(body: Uint8Array): DecodedTracesRequest {
  return tracesFromProto(decodeMessage(protoTypes.traceRequest, body) as PbTracesRequest)
}

export function decodeLogsProtobuf(body: Uint8Array): DecodedLogsRequest {
  return logsFromProto(decodeMessage(protoTypes.logsRequest, body) as PbLogsRequest)
}

function decodeMessage(type: protobuf.Type, body: Uint8Array): unknown {
  // A Buffer gets protobufjs's BufferReader, whose strings decode through
  // Node's UTF-8 decoder: invalid sequences become U+FFFD instead of garbage.
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const reader = protobuf.Reader.create(buf)
  try {
    return type.decode(reader)
  } catch (err) {
    throw new DecodeError(
      'protobuf',
      `invalid protobuf: ${describe(err)} at byte ${reader.pos} of ${buf.length}`,
      {
        cause: err,
      },
    )
  }
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  // "index out of range: 1234 + 10 > 1240" says the same as the offset we add.
  if (message.startsWith('index out of range')) return 'truncated or corrupt message (index out of range)'
  return message
}
