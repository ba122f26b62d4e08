/**
 * Skipping an item: the labeller cannot or will not judge it. A skipped
 * item is not offered by claims again but stays in the queue (navigation
 * reaches it, and labels may still be submitted for it). A completed item
 * is not skipped: its labels stand, and a new submission replaces them.
 */
import type { AnnotationItem } from '@assay/core'
import { and, eq, ne } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { annotationItems } from '../schema/index.js'
import { getAnnotationItem } from './annotation-items.js'
import { toAnnotationItem } from './annotation-rows.js'
import { RecordInputError } from './model-errors.js'

export async function skipAnnotationItem(
  db: AssayDb,
  projectId: string,
  queueId: string,
  itemId: string,
  user: string,
): Promise<AnnotationItem> {
  const t = annotationItems
  const [row] = await db
    .update(t)
    .set({ status: 'skipped', assignedTo: user })
    .where(
      and(eq(t.projectId, projectId), eq(t.queueId, queueId), eq(t.id, itemId), ne(t.status, 'completed')),
    )
    .returning()
  if (row) return toAnnotationItem(row)
  if (await getAnnotationItem(db, projectId, queueId, itemId))
    throw new RecordInputError(
      'conflict',
      'itemId',
      'the item is completed; submit labels again to change them',
    )
  throw new RecordInputError('not_found', 'itemId', `no item ${itemId} in this queue`)
}
