/**
 * Errors -> gRPC statuses, the gRPC twin of http-response.ts. Retryable
 * errors carry a google.rpc.RetryInfo in `grpc-status-details-bin`, which is
 * how OTLP/gRPC exporters learn to retry RESOURCE_EXHAUSTED and how long to
 * wait; without it they treat RESOURCE_EXHAUSTED as final.
 */

import { Metadata, type ServiceError, type StatusObject } from '@grpc/grpc-js'
import { RetryableError, toCollectorError } from '../errors.js'
import { encodeStatus } from '../status-body.js'

export type GrpcErrorStatus = Partial<StatusObject> & Pick<ServiceError, 'code' | 'details' | 'metadata'>

export function toGrpcStatus(error: unknown): GrpcErrorStatus {
  const err = toCollectorError(error)
  const metadata = new Metadata()
  if (err instanceof RetryableError) {
    const status = { code: err.rpcCode, message: err.message, retryAfterSeconds: err.retryAfterSeconds }
    metadata.set('grpc-status-details-bin', Buffer.from(encodeStatus(status, 'protobuf')))
  }
  return { code: err.rpcCode, details: err.message, metadata }
}
