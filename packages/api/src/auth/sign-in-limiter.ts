/**
 * Failed sign-ins per client address: after `max` failures within
 * `windowMs` the address is refused (429 with Retry-After) until the oldest
 * failure leaves the window, whatever secret it sends. Memory is bounded:
 * past `maxClients` addresses the oldest is forgotten.
 *
 * The address is the TCP peer. Behind a reverse proxy every client shares
 * the proxy's address and so one budget: slower for an attacker, and a
 * locked-out operator waits a minute.
 */

export interface SignInLimiterOptions {
  max?: number
  windowMs?: number
  maxClients?: number
  now?: () => number
}

export class SignInLimiter {
  readonly #failures = new Map<string, number[]>()
  readonly #max: number
  readonly #windowMs: number
  readonly #maxClients: number
  readonly #now: () => number

  constructor(options: SignInLimiterOptions = {}) {
    this.#max = options.max ?? 5
    this.#windowMs = options.windowMs ?? 60_000
    this.#maxClients = options.maxClients ?? 10_000
    this.#now = options.now ?? Date.now
  }

  /** Seconds to wait before trying again, or 0 when this client may try now. */
  retryAfterSeconds(client: string): number {
    const recent = this.#recent(client)
    if (recent.length < this.#max) return 0
    return Math.max(1, Math.ceil((recent[0]! + this.#windowMs - this.#now()) / 1000))
  }

  recordFailure(client: string): void {
    const recent = this.#recent(client)
    recent.push(this.#now())
    this.#failures.delete(client)
    if (this.#failures.size >= this.#maxClients) this.#failures.delete(this.#failures.keys().next().value!)
    this.#failures.set(client, recent)
  }

  recordSuccess(client: string): void {
    this.#failures.delete(client)
  }

  #recent(client: string): number[] {
    const since = this.#now() - this.#windowMs
    return (this.#failures.get(client) ?? []).filter((t) => t > since)
  }
}
