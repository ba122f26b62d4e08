/**
 * The bound on work in flight. One limiter is shared by every judge call of
 * a run, across items, so items × judges in flight never exceed the run's
 * concurrency; being a queue rather than per-item batches, a slot freed by
 * one item's judge is taken at once by the next call of any item, which
 * keeps the pipe full.
 */
import pLimit from 'p-limit'

export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>

export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number >= 1 (got ${concurrency})`)
  }
  const limit = pLimit(concurrency)
  return (fn) => limit(fn)
}
