/**
 * Exports sent the way a well-behaved OTLP client sends them: concurrently,
 * retrying 429/503 after the server's `Retry-After`, and counting an export
 * as acknowledged only when it got a 200.
 */
import type { PostResult } from './http.js'

export interface Delivery {
  /** Status of the last attempt (0 when the connection failed). */
  status: number
  acked: boolean
  attempts: number
  /** `Retry-After` values seen on 429/503 answers. */
  retryAfter: string[]
}

export interface RetryOptions {
  /** Give up after this many attempts. */
  maxAttempts: number
  /** Retry 429/503 (true) or report them as they are (false). */
  retry: boolean
}

export async function deliver(send: () => Promise<PostResult>, options: RetryOptions): Promise<Delivery> {
  const out: Delivery = { status: 0, acked: false, attempts: 0, retryAfter: [] }
  while (out.attempts < options.maxAttempts) {
    out.attempts++
    const res = await send().catch(() => null)
    out.status = res?.status ?? 0
    if (!res) return out
    if (res.status === 200) {
      out.acked = true
      return out
    }
    if (res.status !== 429 && res.status !== 503) return out
    const after = res.headers['retry-after']
    if (typeof after === 'string') out.retryAfter.push(after)
    if (!options.retry) return out
    // Retry-After in seconds, with jitter so refused clients do not return in lockstep.
    const seconds = Number(after ?? 1)
    await new Promise((r) =>
      setTimeout(r, (Number.isFinite(seconds) ? seconds : 1) * 1000 * (1 + Math.random())),
    )
  }
  return out
}

/** Runs `task` over `items` with at most `concurrency` in flight; stops taking new items once `stop()` is true. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
  stop: () => boolean = () => false,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined)
  let next = 0
  const worker = async () => {
    while (next < items.length && !stop()) {
      const i = next++
      results[i] = await task(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}
