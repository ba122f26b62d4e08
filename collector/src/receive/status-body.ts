/**
 * `google.rpc.Status`, the body OTLP/HTTP puts on an error response and the
 * rich status of a gRPC error, encoded in the request's own encoding so the
 * client's exporter can read the message and log it.
 */

import Long from 'long'
import { protoTypes } from '../otlp/proto/root.js'
import type { Encoding } from './content-type.js'

export interface RpcStatus {
  code: number
  message: string
  /** Seconds a client should wait before retrying: adds a google.rpc.RetryInfo detail. */
  retryAfterSeconds?: number
}

const retryInfoTypeUrl = 'type.googleapis.com/google.rpc.RetryInfo'

export function encodeStatus(status: RpcStatus, encoding: Encoding): Uint8Array {
  const retry = status.retryAfterSeconds
  if (encoding === 'json') {
    const details = retry === undefined ? undefined : [{ '@type': retryInfoTypeUrl, retryDelay: `${retry}s` }]
    return Buffer.from(JSON.stringify({ code: status.code, message: status.message, details }))
  }
  const details =
    retry === undefined
      ? []
      : [
          {
            // protobufjs's bundled google.protobuf.Any keeps proto field names.
            type_url: retryInfoTypeUrl,
            value: protoTypes.retryInfo
              .encode({ retryDelay: { seconds: Long.fromNumber(Math.ceil(retry)), nanos: 0 } })
              .finish(),
          },
        ]
  return protoTypes.status.encode({ code: status.code, message: status.message, details }).finish()
}
