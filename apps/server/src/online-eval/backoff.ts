/**
 * Delay before retry number `attempt` (1-based, the attempt that failed):
 * `base`, doubling per attempt, with up to a quarter of jitter so jobs that
 * failed together (a provider outage) do not return together; capped at an hour.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000)
  return Math.round(exponential * (1 + random() * 0.25))
}
