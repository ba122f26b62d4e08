/**
 * Errors -> OTLP/HTTP responses, in one place: the status from the error
 * model, a google.rpc.Status body in the request's encoding (JSON when the
 * encoding is unknown, e.g. for a 415), and `Retry-After` on retryable ones.
 *
 * @example
 *   const { status, headers, body } = toHttpResponse(err, 'protobuf')
 */

import { contentTypeOf, type Encoding } from './content-type.js'
import { RetryableError, toCollectorError } from './errors.js'
import { encodeStatus } from './status-body.js'

export interface HttpResponseParts {
  status: number
  headers: Record<string, string>
  body: Uint8Array
}

export function toHttpResponse(error: unknown, encoding: Encoding | undefined): HttpResponseParts {
  const err = toCollectorError(error)
  const enc = encoding ?? 'json'
  const headers: Record<string, string> = { 'content-type': contentTypeOf(enc) }
  if (err instanceof RetryableError) {
    headers['retry-after'] = String(Math.max(0, Math.ceil(err.retryAfterSeconds)))
  }
  return { status: err.status, headers, body: encodeStatus({ code: err.rpcCode, message: err.message }, enc) }
}
