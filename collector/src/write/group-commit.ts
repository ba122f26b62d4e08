/**
 * Group commit with a byte budget.
 *
 * Concurrent exports each call `submit(batch)`; batches that arrive within
 * `lingerMs` of each other (or until `maxBatchRows`) are flushed together by
 * one call to `flush`, and every submitter's promise settles only when that
 * flush has committed — an export is acknowledged only after its rows are
 * stored, so a client that retries on failure loses nothing.
 *
 * Memory is bounded: `submit` refuses with a RetryableError once the bytes
 * waiting (queued plus being flushed) would pass `maxBufferedBytes`, instead
 * of growing without bound.
 *
 * At most `maxConcurrentFlushes` flushes run at once (default 1). Two let
 * the engine parse one group while the next one is handed over, which keeps
 * an embedded engine busy, but on a small machine the two inserts contend
 * for the same cores (see SPAN_WRITER_DEFAULTS); more only fragment inserts. A slow store turns
 * into back-pressure, not a pile of concurrent inserts.
 */
import { RetryableError } from '../receive/errors.js'

export interface GroupCommitOptions<T> {
  /** Writes a group of batches; resolves once they are committed. */
  flush(batches: T[]): Promise<void>
  /** Size of a batch in rows, to decide when a group is full. */
  rowsOf(batch: T): number
  lingerMs: number
  maxBatchRows: number
  maxBufferedBytes: number
  /** Seconds a refused client should wait. */
  retryAfterSeconds: number
  maxConcurrentFlushes?: number
}

interface Pending<T> {
  batch: T
  bytes: number
  resolve(): void
  reject(error: unknown): void
}

export class GroupCommitter<T> {
  private queue: Pending<T>[] = []
  private queuedRows = 0
  private bufferedBytes = 0
  private timer: NodeJS.Timeout | undefined
  private readonly inFlight = new Set<Promise<void>>()
  private readonly maxFlushes: number
  private closed = false
  /** Exports refused for lack of buffer space, for metrics and tests. */
  refused = 0

  constructor(private readonly options: GroupCommitOptions<T>) {
    this.maxFlushes = Math.max(1, options.maxConcurrentFlushes ?? 1)
  }

  get pendingBytes(): number {
    return this.bufferedBytes
  }

  submit(batch: T, bytes: number): Promise<void> {
    if (this.closed) {
      return Promise.reject(new RetryableError(503, 'collector is shutting down', 1))
    }
    // A batch larger than the whole budget is still taken when nothing else waits, or it could never be written.
    if (this.bufferedBytes > 0 && this.bufferedBytes + bytes > this.options.maxBufferedBytes) {
      this.refused++
      return Promise.reject(
        new RetryableError(
          429,
          `collector buffer full (${this.bufferedBytes} bytes waiting); retry after ${this.options.retryAfterSeconds}s`,
          this.options.retryAfterSeconds,
        ),
      )
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ batch, bytes, resolve, reject })
      this.queuedRows += this.options.rowsOf(batch)
      this.bufferedBytes += bytes
      this.schedule()
    })
  }

  /** Flushes everything queued and refuses new work; resolves when all is written. */
  async close(): Promise<void> {
    this.closed = true
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      if (this.queue.length > 0 && this.inFlight.size < this.maxFlushes) this.startFlush()
      else await Promise.race(this.inFlight).catch(() => {})
    }
  }

  private schedule(): void {
    if (this.inFlight.size >= this.maxFlushes) return // a running flush picks the queue up when it ends
    if (this.queuedRows >= this.options.maxBatchRows) {
      this.startFlush()
    } else {
      this.timer ??= setTimeout(() => this.startFlush(), this.options.lingerMs)
    }
  }

  private startFlush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.inFlight.size >= this.maxFlushes || this.queue.length === 0) return
    const group = this.takeGroup()
    const settle = (outcome: (p: Pending<T>) => void) => {
      // Release the budget before acknowledging, so an acknowledged client can send again at once.
      for (const p of group) this.bufferedBytes -= p.bytes
      this.inFlight.delete(flush)
      for (const p of group) outcome(p)
      // What queued meanwhile has already waited a whole flush: write it now.
      if (this.queue.length > 0) this.startFlush()
    }
    const flush: Promise<void> = this.options.flush(group.map((p) => p.batch)).then(
      () => settle((p) => p.resolve()),
      (error: unknown) => settle((p) => p.reject(error)),
    )
    this.inFlight.add(flush)
  }

  private takeGroup(): Pending<T>[] {
    const group: Pending<T>[] = []
    let rows = 0
    while (this.queue.length > 0 && (group.length === 0 || rows < this.options.maxBatchRows)) {
      const next = this.queue.shift()!
      rows += this.options.rowsOf(next.batch)
      group.push(next)
    }
    this.queuedRows -= rows
    return group
  }
}
