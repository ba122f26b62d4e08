/**
 * The write stage: normalized rows from many concurrent exports are
 * committed together (see group-commit.ts), spans and their events in the
 * same flush, and each export is acknowledged only after its rows are stored.
 *
 * Rows are serialized to JSONEachRow when an export is accepted, not when a
 * group is flushed, straight into one UTF-8 Buffer per export and table
 * (span-rows-body.ts for spans, lines-body.ts for events): the work is
 * spread over the exports as they arrive, what waits for a flush lives
 * outside the JS heap (the garbage collector never walks it), a flush only
 * concatenates bytes and hands them to the engine, and the byte budget
 * counts exactly what waits in memory.
 */
import type { SpanEventRow, SpanRow } from '@assay/core'
import { type ClickHouse, insertBody, spanEventLine } from '@assay/store'
import { RetryableError } from '../receive/errors.js'
import { GroupCommitter } from './group-commit.js'
import { joinBodies, linesBody } from './lines-body.js'
import { spanRowsBody } from './span-rows-body.js'

export interface WriteBatch {
  spans: SpanRow[]
  events: SpanEventRow[]
}

/** One export's rows as JSONEachRow bodies (lines joined with '\n'), with their row counts. */
interface SerializedBatch {
  spans: Buffer
  spanRows: number
  events: Buffer
  eventRows: number
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
  // One insert at a time. Two in flight kept embedded chDB busier but cost
  // more CPU per row (two inserts contend for the same 2 cores' parser and
  // merge threads): on the ingest bench (2 cores) the server used ~145 ms
  // CPU per 1k spans with two and ~126 with one, and went faster end to end.
  // Handing a group over is now only a Buffer concatenation (lines-body.ts),
  // so the engine waits little between inserts.
  maxConcurrentFlushes: 1,
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

export function createSpanWriter(ch: ClickHouse, options: SpanWriterOptions = {}): SpanWriter {
  const o = { ...SPAN_WRITER_DEFAULTS, ...options }
  const committer = new GroupCommitter<SerializedBatch>({
    ...o,
    rowsOf: (b) => b.spanRows + b.eventRows,
    async flush(batches) {
      const spans = joinBodies(batches.map((b) => b.spans))
      const events = joinBodies(batches.map((b) => b.events))
      try {
        // Spans first: an event is never stored for a span that failed to store.
        if (spans.length > 0) await insertBody(ch, 'spans', spans)
        if (events.length > 0) await insertBody(ch, 'span_events', events)
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
      const serialized: SerializedBatch = {
        spans: spanRowsBody(batch.spans),
        spanRows: batch.spans.length,
        events: linesBody(batch.events, spanEventLine),
        eventRows: batch.events.length,
      }
      return committer.submit(serialized, serialized.spans.length + serialized.events.length)
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
