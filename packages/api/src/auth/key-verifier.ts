/**
 * Verifies API keys, with an in-memory cache so that an export or request
 * costs a SHA-256 and a map lookup, not a database round trip.
 *
 * - The secret is compared in constant time against the stored hash.
 * - A cached key is re-read after `ttlMs` (10 s by default). Revoking
 *   through this process drops the entry at once (`invalidate`); another
 *   process (a separate `assay collector`, another API server) notices
 *   within the TTL.
 * - `last_used_at` is written at most once per `touchEveryMs` (a minute)
 *   per key and process, in the background: a busy key does not turn every
 *   export into a write.
 * - Unknown prefixes are not cached (they would let a flood of made-up
 *   keys fill memory); concurrent lookups of one prefix share one query.
 */
import { timingSafeEqual } from 'node:crypto'
import type { ApiKey } from '@assay/core'
import { type AssayDb, findApiKeyByPrefix, touchApiKey } from '@assay/store'
import { hashKeySecret, type KeyCredentials } from './key-format.js'

export interface KeyVerifierOptions {
  ttlMs?: number
  touchEveryMs?: number
  maxEntries?: number
  now?: () => number
  /** Called when a background last-used write fails (it never fails a request). */
  onError?: (error: unknown) => void
}

interface Entry {
  key: ApiKey
  hash: Buffer
  fetchedAt: number
  touchedAt: number
}

export class KeyVerifier {
  readonly #cache = new Map<string, Entry>()
  readonly #loading = new Map<string, Promise<Entry | null>>()
  readonly #ttlMs: number
  readonly #touchEveryMs: number
  readonly #maxEntries: number
  readonly #now: () => number
  readonly #onError: (error: unknown) => void

  constructor(
    private readonly db: AssayDb,
    options: KeyVerifierOptions = {},
  ) {
    this.#ttlMs = options.ttlMs ?? 10_000
    this.#touchEveryMs = options.touchEveryMs ?? 60_000
    this.#maxEntries = options.maxEntries ?? 10_000
    this.#now = options.now ?? Date.now
    this.#onError = options.onError ?? (() => {})
  }

  /** The key these credentials prove, or null (unknown, wrong secret, or revoked). */
  async verify(credentials: KeyCredentials): Promise<ApiKey | null> {
    const entry = await this.#entry(credentials.prefix)
    if (!entry) return null
    const presented = Buffer.from(hashKeySecret(credentials.secret), 'hex')
    if (presented.length !== entry.hash.length || !timingSafeEqual(presented, entry.hash)) return null
    if (entry.key.revokedAt !== null) return null
    this.#touch(entry)
    return entry.key
  }

  /** Forgets a key at once (after a revocation in this process). */
  invalidate(prefix: string): void {
    this.#cache.delete(prefix)
  }

  async #entry(prefix: string): Promise<Entry | null> {
    const cached = this.#cache.get(prefix)
    if (cached && this.#now() - cached.fetchedAt < this.#ttlMs) return cached
    let loading = this.#loading.get(prefix)
    if (!loading) {
      loading = this.#load(prefix, cached).finally(() => this.#loading.delete(prefix))
      this.#loading.set(prefix, loading)
    }
    return loading
  }

  async #load(prefix: string, previous: Entry | undefined): Promise<Entry | null> {
    const found = await findApiKeyByPrefix(this.db, prefix)
    if (!found) {
      this.#cache.delete(prefix)
      return null
    }
    const entry: Entry = {
      key: found.key,
      hash: Buffer.from(found.secretHash, 'hex'),
      fetchedAt: this.#now(),
      touchedAt: Math.max(previous?.touchedAt ?? 0, found.key.lastUsedAt ?? 0),
    }
    this.#cache.delete(prefix)
    if (this.#cache.size >= this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value!)
    this.#cache.set(prefix, entry)
    return entry
  }

  #touch(entry: Entry): void {
    const now = this.#now()
    if (now - entry.touchedAt < this.#touchEveryMs) return
    entry.touchedAt = now
    touchApiKey(this.db, entry.key.id, new Date(now)).catch(this.#onError)
  }
}
