/**
 * Exponential backoff with full jitter: a uniformly random wait between 0
 * and `base * 2^(attempt-1)`, capped, so that many clients failing at once
 * spread their retries instead of returning together. A server's
 * `Retry-After` wins over the computed wait (bounded by `MAX_RETRY_AFTER_MS`
 * so a hostile header cannot park a run for hours).
 */
export const MAX_BACKOFF_MS = 30_000
export const MAX_RETRY_AFTER_MS = 120_000

export function backoffDelayMs(
  attempt: number,
  baseMs: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}
