import { APIConnectionError, APIError, APIUserAbortError } from 'openai'
import { ModelCallError } from './model-error.js'
import { retryAfterMs } from './retry-after.js'

/** Why an attempt's own abort controller fired, so an abort can be told apart from a timeout. */
export type AbortReason = 'timeout' | 'cancelled' | undefined

/**
 * Translates whatever a model call threw into a `ModelCallError`: the one
 * boundary between the `openai` package's errors and ours. 408, 409, 429
 * and 5xx are retryable (OpenAI documents 409 as a transient lock
 * conflict); other statuses are permanent.
 */
export function classifyError(error: unknown, abortReason: AbortReason, timeoutMs: number): ModelCallError {
  if (error instanceof ModelCallError) return error
  if (abortReason === 'cancelled') return new ModelCallError('cancelled', 'cancelled')
  if (abortReason === 'timeout') {
    return new ModelCallError('retryable', `timed out after ${timeoutMs} ms`)
  }
  if (error instanceof APIUserAbortError) return new ModelCallError('cancelled', 'cancelled')
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return new ModelCallError('retryable', `${error.message}${cause}`)
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500
    const wait = retryAfterMs(error.headers)
    return new ModelCallError(retryable ? 'retryable' : 'permanent', `HTTP ${status}: ${error.message}`, {
      status,
      ...(wait !== undefined && { retryAfterMs: wait }),
    })
  }
  // A stream that broke mid-way surfaces as a plain error from the body reader.
  const message = error instanceof Error ? error.message : String(error)
  return new ModelCallError('retryable', message || 'model call failed')
}
