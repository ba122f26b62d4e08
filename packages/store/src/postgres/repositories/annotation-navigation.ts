/**
 * Where an item stands in its queue, for a labelling view that moves with
 * the keyboard: its 1-based index among the queue's items, the total, and
 * the items before and after it by position (whatever their status, so a
 * labeller can go back and correct a label).
 */
import type { AnnotationItem } from '@assay/core'
import { and, asc, count, desc, eq, gt, lt, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { annotationItems } from '../schema/index.js'
import { getAnnotationItem } from './annotation-items.js'

export interface AnnotationItemInQueue {
  item: AnnotationItem
  /** 1-based place of the item in queue order. */
  index: number
  total: number
  previousId: string | null
  nextId: string | null
}

/** The item and its neighbours, or null when the queue has no such item. */
export async function locateAnnotationItem(
  db: AssayDb,
  projectId: string,
  queueId: string,
  itemId: string,
): Promise<AnnotationItemInQueue | null> {
  const item = await getAnnotationItem(db, projectId, queueId, itemId)
  if (!item) return null
  const t = annotationItems
  const inQueue = and(eq(t.projectId, projectId), eq(t.queueId, queueId))
  const [previous] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(inQueue, lt(t.position, item.position)))
    .orderBy(desc(t.position))
    .limit(1)
  const [next] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(inQueue, gt(t.position, item.position)))
    .orderBy(asc(t.position))
    .limit(1)
  const [counts] = await db
    .select({ total: count(), upTo: count(sql`case when ${t.position} <= ${item.position} then 1 end`) })
    .from(t)
    .where(inQueue)
  return {
    item,
    index: Number(counts?.upTo ?? 0),
    total: Number(counts?.total ?? 0),
    previousId: previous?.id ?? null,
    nextId: next?.id ?? null,
  }
}
