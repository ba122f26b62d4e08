/**
 * What the receive stage hands a decoded export to, and what it expects
 * back: the same callback serves OTLP/HTTP and OTLP/gRPC. It may throw a
 * CollectorError (e.g. Unauthenticated, RetryableError when buffers are
 * full); the receiver translates it for the wire.
 */

import type { DecodedLogsRequest, DecodedTracesRequest } from '../otlp/types.js'

export type ExportSignal = 'traces' | 'logs'

/** Request headers (HTTP) or metadata (gRPC), keys lowercased, string values only. */
export type RequestMetadata = Readonly<Record<string, string>>

export interface ExportResult {
  /** Spans or log records rejected (reported as partial success). */
  rejected: number
  errorMessage: string
}

/**
 * `(signal, decodedRequest, metadata)`; checking `signal` narrows the request:
 *
 * @example
 *   const handler: ExportHandler = async (signal, request, metadata) => {
 *     if (signal === 'traces') request.resourceSpans // DecodedTracesRequest
 *     return { rejected: 0, errorMessage: '' }
 *   }
 */
export type ExportHandler = (
  ...args: ['traces', DecodedTracesRequest, RequestMetadata] | ['logs', DecodedLogsRequest, RequestMetadata]
) => Promise<ExportResult>
