import { backoffDelayMs } from './backoff.js'
import { ModelCallError } from './model-error.js'
import { sleep } from './sleep.js'

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  signal?: AbortSignal
}

/**
 * Runs `attempt` until it succeeds, fails permanently, or `maxAttempts`
 * run out; waits between attempts as `backoffDelayMs` says. The last
 * error's message says how many attempts were made, so an error
 * assessment tells the reader the call was retried.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let n = 1; ; n++) {
    if (policy.signal?.aborted) throw new ModelCallError('cancelled', 'cancelled')
    try {
      return await attempt(n)
    } catch (error) {
      if (!(error instanceof ModelCallError) || error.kind !== 'retryable') throw error
      if (n >= policy.maxAttempts) {
        const tries = n === 1 ? '1 attempt' : `${n} attempts`
        throw new ModelCallError('retryable', `${error.message} (gave up after ${tries})`, error.details)
      }
      await sleep(backoffDelayMs(n, policy.baseDelayMs, error.details.retryAfterMs), policy.signal)
    }
  }
}
