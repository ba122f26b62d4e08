/**
 * The write stage: normalized rows from many concurrent exports are
 * committed together (see group-commit.ts), spans and their events in the
 * same flush, and each export is acknowledged only after its rows are stored.
 *
 * Rows are serialized to JSONEachRow when an export is accepted, not when a
 * group is flushed, straight into the byte buffers of the group the export
 * joins (span-rows-body.ts for spans, lines-body.ts for events): the work is
 * spread over the exports as they arrive, what waits for a flush lives
 * outside the JS heap (the garbage collector never walks it), a flush hands
 * the group's buffer to the engine without a copy, and the byte budget
 * counts exactly what waits in memory. Group buffers are pooled: once grown
 * to the size of a typical group they are reused, flush after flush.
 */
import type { SpanEventRow, SpanRow } from '@assay/core'
import { type ClickHouse, insertBody, spanEventLine } from '@assay/store'
import { RetryableError } from '../receive/errors.js'
import { type Appended, GroupCommitter } from './group-commit.js'
import { JsonBytes } from './json-bytes.js'
import { appendLines } from './lines-body.js'
import { appendSpanRows } from './span-rows-body.js'

export interface WriteBatch {
  spans: SpanRow[]
  events: SpanEventRow[]
}

/** One group's rows as JSONEachRow bodies (lines joined with '\n'), with their row counts. */
interface WriteGroup {
  spans: JsonBytes
  spanRows: number
  events: JsonBytes
  eventRows: number
}

/** A new group buffer starts this big (spans) and doubles as needed. */
const INITIAL_SPAN_BYTES = 1 << 20
const INITIAL_EVENT_BYTES = 64 << 10
/**
 * Groups kept for reuse: with one flush in flight, one group is being
 * written and one filled, so two cover steady ingestion. One grown past
 * MAX_POOLED_BYTES (a rare huge group) is let go, and after `poolIdleMs`
 * with nothing to write all are: at most ~200 MB stays resident after a
 * burst, and none once ingestion stops.
 */
const MAX_POOLED_GROUPS = 2
const MAX_POOLED_BYTES = 96 << 20

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
  /** After this long with nothing to write, pooled group buffers are let go. */
  poolIdleMs?: number
}

export const SPAN_WRITER_DEFAULTS = {
  lingerMs: 10,
  maxBatchRows: 20_000,
  maxBufferedBytes: 256 * 1024 * 1024,
  retryAfterSeconds: 1,
  // One insert at a time. Two in flight cost more CPU per row and made
  // smaller inserts (they contend for the same cores): on the ingest bench
  // (2 cores) the server was slower end to end with two, measured twice.
  // With one, a group is handed over as it is and exports take turns with
  // I/O (receive/export-turns.ts), so the engine is busy 98-99% of the time.
  maxConcurrentFlushes: 1,
  poolIdleMs: 30_000,
} satisfies Required<SpanWriterOptions>

export interface SpanWriter {
  /** Resolves once the batch is committed; rejects with RetryableError when the buffer is full. */
  write(batch: WriteBatch): Promise<void>
  /** Bytes accepted but not yet committed. */
  readonly pendingBytes: number
  /** Exports refused for lack of buffer space so far. */
  readonly refused: number
  /** Capacity of the group buffers kept for reuse (memory held while idle). */
  readonly pooledBytes: number
  /** Writes what is queued, then refuses new batches. */
  close(): Promise<void>
}

export function createSpanWriter(ch: ClickHouse, options: SpanWriterOptions = {}): SpanWriter {
  const o = { ...SPAN_WRITER_DEFAULTS, ...options }
  const pool: WriteGroup[] = []
  let idleTimer: NodeJS.Timeout | undefined
  const committer: GroupCommitter<WriteGroup> = new GroupCommitter<WriteGroup>({
    ...o,
    createGroup() {
      if (idleTimer) clearTimeout(idleTimer)
      idleTimer = undefined
      const group = pool.pop() ?? {
        spans: new JsonBytes(INITIAL_SPAN_BYTES),
        spanRows: 0,
        events: new JsonBytes(INITIAL_EVENT_BYTES),
        eventRows: 0,
      }
      group.spans.pos = group.events.pos = group.spanRows = group.eventRows = 0
      return group
    },
    releaseGroup(group) {
      if (pool.length < MAX_POOLED_GROUPS && group.spans.buf.length <= MAX_POOLED_BYTES) pool.push(group)
      if (committer.pendingBytes === 0 && !idleTimer) {
        idleTimer = setTimeout(() => {
          pool.length = 0
          idleTimer = undefined
        }, o.poolIdleMs).unref()
      }
    },
    async flush(group) {
      try {
        // Spans first: an event is never stored for a span that failed to store.
        // Views, not copies: the buffers stay untouched until this flush settles.
        if (group.spanRows > 0) await insertBody(ch, 'spans', group.spans.buf.subarray(0, group.spans.pos))
        if (group.eventRows > 0)
          await insertBody(ch, 'span_events', group.events.buf.subarray(0, group.events.pos))
      } catch (error) {
        // Storage trouble is the client's cue to retry later (503), not a rejected export (500).
        throw new RetryableError(503, 'storage unavailable, retry later', o.retryAfterSeconds, {
          cause: error,
        })
      }
    },
  })
  const appendTo =
    (batch: WriteBatch) =>
    (group: WriteGroup): Appended => {
      const spanStart = group.spans.pos
      const eventStart = group.events.pos
      appendSpanRows(group.spans, batch.spans)
      try {
        appendLines(group.events, batch.events, spanEventLine)
      } catch (error) {
        group.spans.pos = spanStart
        throw error
      }
      group.spanRows += batch.spans.length
      group.eventRows += batch.events.length
      return {
        rows: batch.spans.length + batch.events.length,
        bytes: group.spans.pos - spanStart + (group.events.pos - eventStart),
        undo() {
          group.spans.pos = spanStart
          group.events.pos = eventStart
          group.spanRows -= batch.spans.length
          group.eventRows -= batch.events.length
        },
      }
    }
  return {
    write(batch) {
      if (batch.spans.length + batch.events.length === 0) return Promise.resolve()
      return committer.submit(appendTo(batch))
    },
    get pendingBytes() {
      return committer.pendingBytes
    },
    get pooledBytes() {
      return pool.reduce((n, g) => n + g.spans.buf.length + g.events.buf.length, 0)
    },
    get refused() {
      return committer.refused
    },
    close: () => committer.close(),
  }
}
