/**
 * The collector's one error model (STYLE §5), after the OpenTelemetry
 * Collector's: a *permanent* error must not be retried by the client (the
 * same bytes will fail again), a *retryable* one asks it to come back after a
 * delay. Every stage throws one of these (or a DecodeError, which is a bad
 * request); http-response.ts and grpc/grpc-status.ts translate them to the
 * wire in one place each, using the status and the gRPC code kept here.
 */

import { DecodeError } from '../decode/decode-error.js'

/** google.rpc.Code values used in gRPC statuses and in OTLP/HTTP error bodies. */
export const RpcCode = {
  INVALID_ARGUMENT: 3,
  RESOURCE_EXHAUSTED: 8,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const

export type PermanentStatus = 400 | 401 | 413 | 415 | 500
export type RetryableStatus = 429 | 503

const rpcCodeOf: Record<PermanentStatus | RetryableStatus, number> = {
  400: RpcCode.INVALID_ARGUMENT,
  401: RpcCode.UNAUTHENTICATED,
  // Without RetryInfo, OTLP clients treat RESOURCE_EXHAUSTED as final.
  413: RpcCode.RESOURCE_EXHAUSTED,
  415: RpcCode.INVALID_ARGUMENT,
  429: RpcCode.RESOURCE_EXHAUSTED,
  500: RpcCode.INTERNAL,
  503: RpcCode.UNAVAILABLE,
}

export abstract class CollectorError extends Error {
  abstract readonly status: PermanentStatus | RetryableStatus
  abstract readonly retryable: boolean
  get rpcCode(): number {
    return rpcCodeOf[this.status]
  }
}

export class PermanentError extends CollectorError {
  override readonly name: string = 'PermanentError'
  readonly retryable = false
  constructor(
    readonly status: PermanentStatus,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export class BadRequest extends PermanentError {
  override readonly name = 'BadRequest'
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, message, options)
  }
}

export class Unauthenticated extends PermanentError {
  override readonly name = 'Unauthenticated'
  constructor(message = 'missing or invalid API key') {
    super(401, message)
  }
}

export class PayloadTooLarge extends PermanentError {
  override readonly name = 'PayloadTooLarge'
  constructor(limitBytes: number, what = 'request body') {
    super(413, `${what} exceeds the limit of ${limitBytes} bytes`)
  }
}

export class UnsupportedMediaType extends PermanentError {
  override readonly name = 'UnsupportedMediaType'
  constructor(message: string) {
    super(415, message)
  }
}

export class RetryableError extends CollectorError {
  override readonly name = 'RetryableError'
  readonly retryable = true
  constructor(
    readonly status: RetryableStatus,
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/**
 * Any thrown value as a CollectorError: decode errors are bad requests, and
 * anything unexpected is an internal error whose details stay out of the
 * response (they may hold storage internals); the original is kept as cause.
 */
export function toCollectorError(err: unknown): CollectorError {
  if (err instanceof CollectorError) return err
  if (err instanceof DecodeError) return new BadRequest(err.message, { cause: err })
  return new PermanentError(500, 'internal error', { cause: err })
}
