/**
 * The collector's two kinds of failure (as in the OpenTelemetry Collector):
 * permanent ones the client must not retry (bad input), and retryable ones
 * (overload, storage briefly unavailable) that carry a delay. Receivers map
 * them to HTTP statuses and gRPC codes in one place.
 */

export class RetryableError extends Error {
  override name = 'RetryableError'
  constructor(
    message: string,
    /** How long the client should wait before retrying, in seconds. */
    readonly retryAfterSeconds: number,
    /** `overloaded` maps to 429 / RESOURCE_EXHAUSTED, `unavailable` to 503 / UNAVAILABLE. */
    readonly reason: 'overloaded' | 'unavailable',
  ) {
    super(message)
  }
}
