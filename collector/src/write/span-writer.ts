/**
 * The write stage: normalized rows from many concurrent exports are
 * committed together (see group-commit.ts), spans and their events in the
 * same flush, and each export is acknowledged only after its rows are stored.
 *
 * Rows are serialized to JSONEachRow lines when an export is accepted, not
 * when a group is flushed: the work is spread over the exports as they
 * arrive, a flush only joins lines and hands them to the engine, and the
 * byte budget counts exactly what waits in memory.
 */
import type { SpanEventRow, SpanRow } from '@assay/core'
import { type ClickHouse, insertBody, spanEventLine, spanLine } from '@assay/store'
import { RetryableError } from '../receive/errors.js'
import { GroupCommitter } from './group-commit.js'

export interface WriteBatch {
  spans: SpanRow[]
  events: SpanEventRow[]
}

interface SerializedBatch {
  spanLines: string[]
  eventLines: string[]
}

export interface SpanWriterOptions {
  /** How long the first export of a group waits for others to join it. */
  lingerMs?: number
  /** Rows per insert before a group is flushed without waiting. */
  maxBatchRows?: number
  /** Bytes of exports waiting to be written before new ones are refused with 429. */
  maxBufferedBytes?: number
  retryAfterSeconds?: number
  /** Inserts in flight at once. */
  maxConcurrentFlushes?: number
}

export const SPAN_WRITER_DEFAULTS = {
  lingerMs: 10,
  maxBatchRows: 20_000,
  maxBufferedBytes: 256 * 1024 * 1024,
  retryAfterSeconds: 1,
  maxConcurrentFlushes: 2,
} satisfies Required<SpanWriterOptions>

export interface SpanWriter {
  /** Resolves once the batch is committed; rejects with RetryableError when the buffer is full. */
  write(batch: WriteBatch): Promise<void>
  /** Bytes accepted but not yet committed. */
  readonly pendingBytes: number
  /** Exports refused for lack of buffer space so far. */
  readonly refused: number
  /** Writes what is queued, then refuses new batches. */
  close(): Promise<void>
}

function byteLength(lines: readonly string[]): number {
  let n = 0
  for (const line of lines) n += line.length + 1
  return n
}

function join(batches: readonly SerializedBatch[], pick: (b: SerializedBatch) => string[]): string {
  return batches.length === 1 ? pick(batches[0]!).join('\n') : batches.flatMap(pick).join('\n')
}

export function createSpanWriter(ch: ClickHouse, options: SpanWriterOptions = {}): SpanWriter {
  const o = { ...SPAN_WRITER_DEFAULTS, ...options }
  const committer = new GroupCommitter<SerializedBatch>({
    ...o,
    rowsOf: (b) => b.spanLines.length + b.eventLines.length,
    async flush(batches) {
      const spans = join(batches, (b) => b.spanLines)
      const events = join(batches, (b) => b.eventLines)
      try {
        // Spans first: an event is never stored for a span that failed to store.
        if (spans !== '') await insertBody(ch, 'spans', spans)
        if (events !== '') await insertBody(ch, 'span_events', events)
      } catch (error) {
        // Storage trouble is the client's cue to retry later (503), not a rejected export (500).
        throw new RetryableError(503, 'storage unavailable, retry later', o.retryAfterSeconds, {
          cause: error,
        })
      }
    },
  })
  return {
    write(batch) {
      if (batch.spans.length + batch.events.length === 0) return Promise.resolve()
      const serialized = { spanLines: batch.spans.map(spanLine), eventLines: batch.events.map(spanEventLine) }
      return committer.submit(
        serialized,
        byteLength(serialized.spanLines) + byteLength(serialized.eventLines),
      )
    },
    get pendingBytes() {
      return committer.pendingBytes
    },
    get refused() {
      return committer.refused
    },
    close: () => committer.close(),
  }
}
