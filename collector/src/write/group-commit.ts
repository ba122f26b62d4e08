/**
 * Group commit with a byte budget.
 *
 * Concurrent exports each call `submit(append)`: `append` adds the export's
 * rows to the group that is open at that moment (for the span writer,
 * serializes them straight into that group's buffer). Exports that arrive
 * within `lingerMs` of each other, or until the group holds `maxBatchRows`,
 * are written together by one call to `flush`, and every submitter's
 * promise settles only when that flush has committed — an export is
 * acknowledged only after its rows are stored, so a client that retries on
 * failure loses nothing.
 *
 * Why groups are appended to rather than assembled at flush time: an
 * export's rows are written once, into memory the next flush hands to the
 * engine as it is. Nothing is copied per export or joined per flush, and
 * the group's memory goes back to a pool (`release`) when its flush ends,
 * so steady ingestion allocates no new buffers. Fresh multi-megabyte
 * buffers for every export and flush were what made V8 run most of its
 * full collections ("external memory pressure").
 *
 * Memory is bounded: `submit` refuses with a RetryableError once the bytes
 * waiting (queued plus being flushed) would pass `maxBufferedBytes`, and
 * takes back what `append` added, instead of growing without bound.
 *
 * At most `maxConcurrentFlushes` flushes run at once (default 1). Two let
 * the engine parse one group while the next one is handed over, which keeps
 * an embedded engine busy, but on a small machine the two inserts contend
 * for the same cores (see SPAN_WRITER_DEFAULTS); more only fragment inserts.
 * A slow store turns into back-pressure, not a pile of concurrent inserts.
 */
import { RetryableError } from '../receive/errors.js'

/** What one export added to a group, and how to take it back out. */
export interface Appended {
  rows: number
  bytes: number
  /** Removes exactly what was appended (the export is refused). */
  undo(): void
}

export interface GroupCommitOptions<G> {
  /** An empty group to append to (may be recycled memory). */
  createGroup(): G
  /** Writes a group; resolves once it is committed. */
  flush(group: G): Promise<void>
  /** The group's flush has settled and nothing refers to it any more: its memory may be reused. */
  releaseGroup?(group: G): void
  lingerMs: number
  maxBatchRows: number
  maxBufferedBytes: number
  /** Seconds a refused client should wait. */
  retryAfterSeconds: number
  maxConcurrentFlushes?: number
}

interface OpenGroup<G> {
  group: G
  rows: number
  bytes: number
  waiters: { resolve(): void; reject(error: unknown): void }[]
}

export class GroupCommitter<G> {
  /** The group new exports are appended to. */
  private open: OpenGroup<G> | undefined
  /** Full groups (maxBatchRows reached) waiting for a flush, oldest first. */
  private readonly sealed: OpenGroup<G>[] = []
  private bufferedBytes = 0
  private timer: NodeJS.Timeout | undefined
  private readonly inFlight = new Set<Promise<void>>()
  private readonly maxFlushes: number
  private closed = false
  /** Exports refused for lack of buffer space, for metrics and tests. */
  refused = 0

  constructor(private readonly options: GroupCommitOptions<G>) {
    this.maxFlushes = Math.max(1, options.maxConcurrentFlushes ?? 1)
  }

  get pendingBytes(): number {
    return this.bufferedBytes
  }

  /**
   * Appends an export to the open group (synchronously, before this
   * returns) and resolves once that group is committed. An error thrown by
   * `append` rejects the returned promise; `append` must leave the group as
   * it found it when it throws.
   */
  submit(append: (group: G) => Appended): Promise<void> {
    if (this.closed) {
      return Promise.reject(new RetryableError(503, 'collector is shutting down', 1))
    }
    this.open ??= { group: this.options.createGroup(), rows: 0, bytes: 0, waiters: [] }
    const open = this.open
    let added: Appended
    try {
      added = append(open.group)
    } catch (error) {
      this.dropIfEmpty(open)
      return Promise.reject(error)
    }
    // A batch larger than the whole budget is still taken when nothing else waits, or it could never be written.
    if (this.bufferedBytes > 0 && this.bufferedBytes + added.bytes > this.options.maxBufferedBytes) {
      added.undo()
      this.dropIfEmpty(open)
      this.refused++
      return Promise.reject(
        new RetryableError(
          429,
          `collector buffer full (${this.bufferedBytes} bytes waiting); retry after ${this.options.retryAfterSeconds}s`,
          this.options.retryAfterSeconds,
        ),
      )
    }
    if (added.rows === 0) {
      this.dropIfEmpty(open)
      return Promise.resolve()
    }
    open.rows += added.rows
    open.bytes += added.bytes
    this.bufferedBytes += added.bytes
    const committed = new Promise<void>((resolve, reject) => open.waiters.push({ resolve, reject }))
    if (open.rows >= this.options.maxBatchRows) {
      this.sealed.push(open)
      this.open = undefined
    }
    this.schedule()
    return committed
  }

  /** Flushes everything queued and refuses new work; resolves when all is written. */
  async close(): Promise<void> {
    this.closed = true
    while (this.hasQueued() || this.inFlight.size > 0) {
      if (this.hasQueued() && this.inFlight.size < this.maxFlushes) this.startFlush()
      else await Promise.race(this.inFlight).catch(() => {})
    }
  }

  private hasQueued(): boolean {
    return this.sealed.length > 0 || this.open !== undefined
  }

  /** An open group that nobody joined (a refused or empty export) goes back unused. */
  private dropIfEmpty(open: OpenGroup<G>): void {
    if (open.waiters.length > 0 || this.open !== open) return
    this.open = undefined
    this.options.releaseGroup?.(open.group)
  }

  private schedule(): void {
    if (this.inFlight.size >= this.maxFlushes) return // a running flush picks the queue up when it ends
    if (this.sealed.length > 0) {
      this.startFlush()
    } else {
      this.timer ??= setTimeout(() => this.startFlush(), this.options.lingerMs)
    }
  }

  private startFlush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.inFlight.size >= this.maxFlushes) return
    const taken = this.sealed.shift() ?? this.open
    if (!taken) return
    if (taken === this.open) this.open = undefined
    const settle = (outcome: (w: OpenGroup<G>['waiters'][number]) => void) => {
      // Release the budget before acknowledging, so an acknowledged client can send again at once.
      this.bufferedBytes -= taken.bytes
      this.inFlight.delete(flush)
      this.options.releaseGroup?.(taken.group)
      for (const w of taken.waiters) outcome(w)
      // What queued meanwhile has already waited a whole flush: write it now.
      if (this.hasQueued()) this.startFlush()
    }
    const flush: Promise<void> = this.options.flush(taken.group).then(
      () => settle((w) => w.resolve()),
      (error: unknown) => settle((w) => w.reject(error)),
    )
    this.inFlight.add(flush)
  }
}
