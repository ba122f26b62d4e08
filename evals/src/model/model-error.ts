/**
 * The one error type of the model layer. Every failure of a judge call is
 * translated into it once (see `classify-error.ts`), so the retry loop and
 * the judge decide on `kind` alone:
 * - `retryable`: 429, 5xx, timeouts, dropped connections; `retryAfterMs`
 *   when the server said how long to wait;
 * - `permanent`: any other HTTP error (400, 401, 404, ...), never retried;
 * - `cancelled`: the caller's signal fired;
 * - `unusable`: the model answered, but not with a usable verdict.
 */
export type ModelErrorKind = 'retryable' | 'permanent' | 'cancelled' | 'unusable'

export class ModelCallError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message)
    this.name = 'ModelCallError'
  }
}
