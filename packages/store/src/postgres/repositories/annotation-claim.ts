/**
 * Claiming the next item of a queue for a labeller. Two experts working on
 * one queue must not get the same item: the candidate is locked with
 * `FOR UPDATE SKIP LOCKED`, so a concurrent claim passes over it to the
 * next one instead of waiting, and the status change is made in the same
 * statement. A labeller who already holds a live claim gets that item
 * back (a reloaded page does not take a second one). A claim older than
 * the timeout has lapsed (the labeller closed the tab): the item is
 * claimable again, by anyone.
 */
import type { AnnotationItem } from '@assay/core'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { annotationItems } from '../schema/index.js'
import { toAnnotationItem } from './annotation-rows.js'

/** How long a claim holds before its item may go to someone else. */
export const ANNOTATION_CLAIM_TIMEOUT_MS = 15 * 60 * 1000

export interface AnnotationClaimOptions {
  /** Default `ANNOTATION_CLAIM_TIMEOUT_MS`. */
  claimTimeoutMs?: number
}

/**
 * The item `user` should label next (now `in_progress` and theirs), or null
 * when nothing is left to claim. The caller has checked the queue is the project's.
 *
 * @example
 * const item = await claimNextAnnotationItem(db, projectId, queue.id, 'ana')
 */
export async function claimNextAnnotationItem(
  db: AssayDb,
  projectId: string,
  queueId: string,
  user: string,
  options: AnnotationClaimOptions = {},
): Promise<AnnotationItem | null> {
  const timeoutMs = Math.max(0, Math.trunc(options.claimTimeoutMs ?? ANNOTATION_CLAIM_TIMEOUT_MS))
  const t = annotationItems
  const claimed = and(eq(t.status, 'in_progress'), eq(t.assignedTo, user))
  const lapsed = and(
    eq(t.status, 'in_progress'),
    sql`${t.claimedAt} < now() - ${timeoutMs} * interval '1 millisecond'`,
  )
  const candidate = db
    .select({ id: t.id })
    .from(t)
    .where(
      and(eq(t.projectId, projectId), eq(t.queueId, queueId), or(eq(t.status, 'pending'), claimed, lapsed)),
    )
    // The labeller's own live claim first, then queue order.
    .orderBy(desc(sql`(${t.status} = 'in_progress' and ${t.assignedTo} = ${user})`), asc(t.position))
    .limit(1)
    .for('update', { skipLocked: true })
  const [row] = await db
    .update(t)
    .set({ status: 'in_progress', assignedTo: user, claimedAt: sql`now()` })
    .where(inArray(t.id, candidate))
    .returning()
  return row ? toAnnotationItem(row) : null
}
