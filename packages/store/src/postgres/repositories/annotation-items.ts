/**
 * A queue's items: adding traces or spans (idempotent: the unique key on
 * queue + trace + span makes a target already queued a no-op, so a filter
 * added twice queues each trace once), listing them in queue order with
 * keyset pages, and the progress counts by status.
 */
import {
  type AnnotationItem,
  type AnnotationItemStatus,
  type AnnotationProgress,
  AnnotationTarget,
  MAX_ANNOTATION_ITEMS_PER_CALL,
} from '@assay/core'
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { annotationItems } from '../schema/index.js'
import { toAnnotationItem } from './annotation-rows.js'
import { RecordInputError } from './model-errors.js'
import { type KeysetPage, pageLimit } from './model-keyset.js'

export interface AddedItems {
  /** The items this call queued, in the order given. */
  added: AnnotationItem[]
  /** Targets that were queued already (or repeated in the call). */
  alreadyQueued: number
}

/**
 * Queues targets of one queue in the order given; the caller has checked
 * the queue is the project's. At most `MAX_ANNOTATION_ITEMS_PER_CALL`.
 *
 * @example
 * await addAnnotationItems(db, projectId, queue.id, [{ traceId }, { traceId, spanId }])
 */
export async function addAnnotationItems(
  db: AssayDb,
  projectId: string,
  queueId: string,
  targets: AnnotationTarget[],
): Promise<AddedItems> {
  if (targets.length > MAX_ANNOTATION_ITEMS_PER_CALL)
    throw new RecordInputError('invalid', 'items', `at most ${MAX_ANNOTATION_ITEMS_PER_CALL} items per call`)
  if (targets.length === 0) return { added: [], alreadyQueued: 0 }
  const values = targets.map((target) => ({ projectId, queueId, ...AnnotationTarget.parse(target) }))
  // A multi-row VALUES takes identity values in row order, so `position` follows the order given.
  const rows = await db.insert(annotationItems).values(values).onConflictDoNothing().returning()
  rows.sort((a, b) => a.position - b.position)
  return { added: rows.map(toAnnotationItem), alreadyQueued: targets.length - rows.length }
}

/** One item of the queue, or null. */
export async function getAnnotationItem(
  db: AssayDb,
  projectId: string,
  queueId: string,
  itemId: string,
): Promise<AnnotationItem | null> {
  const [row] = await db
    .select()
    .from(annotationItems)
    .where(
      and(
        eq(annotationItems.projectId, projectId),
        eq(annotationItems.queueId, queueId),
        eq(annotationItems.id, itemId),
      ),
    )
  return row ? toAnnotationItem(row) : null
}

const POSITION = /^[0-9]{1,16}$/

export interface ListItemsOptions {
  status?: AnnotationItemStatus
  limit?: number
  cursor?: string
}

/** The queue's items in queue order, one keyset page at a time (the cursor is the last position). */
export async function listAnnotationItems(
  db: AssayDb,
  projectId: string,
  queueId: string,
  options: ListItemsOptions = {},
): Promise<KeysetPage<AnnotationItem>> {
  const limit = pageLimit(options.limit)
  const scope = `annotation-items:${queueId}:${options.status ?? '-'}`
  const after = options.cursor ? Number(decodeCursor(options.cursor, scope, [POSITION])[0]) : undefined
  const rows = await db
    .select()
    .from(annotationItems)
    .where(
      and(
        eq(annotationItems.projectId, projectId),
        eq(annotationItems.queueId, queueId),
        options.status ? eq(annotationItems.status, options.status) : undefined,
        after === undefined ? undefined : gt(annotationItems.position, after),
      ),
    )
    .orderBy(asc(annotationItems.position))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toAnnotationItem)
  return rows.length > limit
    ? { items, nextCursor: encodeCursor(scope, [String(items.at(-1)!.position)]) }
    : { items }
}

/** Counts of the queue's items by status. */
export async function annotationProgress(
  db: AssayDb,
  projectId: string,
  queueId: string,
): Promise<AnnotationProgress> {
  return (await annotationProgressOf(db, projectId, [queueId])).get(queueId)!
}

/** Progress of several queues in one read, by queue id (a queue without items counts zeros). */
export async function annotationProgressOf(
  db: AssayDb,
  projectId: string,
  queueIds: string[],
): Promise<Map<string, AnnotationProgress>> {
  const rows =
    queueIds.length === 0
      ? []
      : await db
          .select({ queueId: annotationItems.queueId, status: annotationItems.status, n: count() })
          .from(annotationItems)
          .where(and(eq(annotationItems.projectId, projectId), inArray(annotationItems.queueId, queueIds)))
          .groupBy(annotationItems.queueId, annotationItems.status)
  const progress = new Map<string, AnnotationProgress>()
  for (const id of queueIds)
    progress.set(id, { pending: 0, inProgress: 0, completed: 0, skipped: 0, total: 0 })
  const key = {
    pending: 'pending',
    in_progress: 'inProgress',
    completed: 'completed',
    skipped: 'skipped',
  } as const
  for (const row of rows) {
    const counts = progress.get(row.queueId)!
    counts[key[row.status]] += Number(row.n)
    counts.total += Number(row.n)
  }
  return progress
}
