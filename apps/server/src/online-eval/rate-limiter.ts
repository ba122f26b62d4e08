/**
 * A token bucket for scoring calls: at most `perSecond` starts a second on
 * average, with bursts of up to one second's worth. Judges cost money and
 * a provider's rate limit is shared with the application, so online
 * evaluation spends a bounded budget whatever the traffic.
 */
export interface RateLimiter {
  /** Resolves when a call may start; rejects with the signal's reason when aborted first. */
  take(signal?: AbortSignal): Promise<void>
}

export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  const capacity = Math.max(1, perSecond)
  let tokens = capacity
  let last = now()
  // Waiters are served in order: each take() chains on the previous one.
  let queue: Promise<void> = Promise.resolve()

  const refill = () => {
    const t = now()
    tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond)
    last = t
  }

  const takeOne = async (signal?: AbortSignal) => {
    for (;;) {
      signal?.throwIfAborted()
      refill()
      if (tokens >= 1) {
        tokens -= 1
        return
      }
      await sleep(Math.ceil(((1 - tokens) / perSecond) * 1000), signal)
    }
  }

  return {
    take(signal) {
      const turn = queue.then(() => takeOne(signal))
      queue = turn.catch(() => {})
      return turn
    },
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms)
    function done() {
      signal?.removeEventListener('abort', abort)
      resolve()
    }
    function abort() {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}
