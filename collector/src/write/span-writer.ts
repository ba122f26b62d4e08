/**
 * The write stage: normalized rows from many concurrent exports are
 * committed together (see group-commit.ts), spans and their events in the
 * same flush, and each export is acknowledged only after its rows are stored.
 */
import type { SpanEventRow, SpanRow } from '@assay/core'
import { type ClickHouse, insertSpanEvents, insertSpans } from '@assay/store'
import { RetryableError } from '../receive/errors.js'
import { GroupCommitter } from './group-commit.js'

export interface WriteBatch {
  spans: SpanRow[]
  events: SpanEventRow[]
}

export interface SpanWriterOptions {
  /** How long the first export of a group waits for others to join it. */
  lingerMs?: number
  /** Rows per insert before a group is flushed without waiting. */
  maxBatchRows?: number
  /** Bytes of exports waiting to be written before new ones are refused with 429. */
  maxBufferedBytes?: number
  retryAfterSeconds?: number
}

export const SPAN_WRITER_DEFAULTS = {
  lingerMs: 10,
  maxBatchRows: 20_000,
  maxBufferedBytes: 256 * 1024 * 1024,
  retryAfterSeconds: 1,
} satisfies Required<SpanWriterOptions>

export interface SpanWriter {
  /** Resolves once the batch is committed; rejects with RetryableError when the buffer is full. */
  write(batch: WriteBatch, bytes: number): Promise<void>
  /** Bytes accepted but not yet committed. */
  readonly pendingBytes: number
  /** Exports refused for lack of buffer space so far. */
  readonly refused: number
  /** Writes what is queued, then refuses new batches. */
  close(): Promise<void>
}

export function createSpanWriter(ch: ClickHouse, options: SpanWriterOptions = {}): SpanWriter {
  const o = { ...SPAN_WRITER_DEFAULTS, ...options }
  const committer = new GroupCommitter<WriteBatch>({
    ...o,
    rowsOf: (b) => b.spans.length + b.events.length,
    async flush(batches) {
      const spans = batches.length === 1 ? batches[0]!.spans : batches.flatMap((b) => b.spans)
      const events = batches.length === 1 ? batches[0]!.events : batches.flatMap((b) => b.events)
      try {
        // Spans first: an event is never stored for a span that failed to store.
        if (spans.length > 0) await insertSpans(ch, spans)
        if (events.length > 0) await insertSpanEvents(ch, events)
      } catch (error) {
        // Storage trouble is the client's cue to retry later (503), not a rejected export (500).
        throw new RetryableError(503, 'storage unavailable, retry later', o.retryAfterSeconds, {
          cause: error,
        })
      }
    },
  })
  return {
    write: (batch, bytes) =>
      batch.spans.length + batch.events.length === 0 ? Promise.resolve() : committer.submit(batch, bytes),
    get pendingBytes() {
      return committer.pendingBytes
    },
    get refused() {
      return committer.refused
    },
    close: () => committer.close(),
  }
}
