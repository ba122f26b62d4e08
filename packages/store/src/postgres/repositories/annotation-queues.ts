/**
 * Annotation queues: a named list of traces or spans to label, with the
 * label schemas shown for each item. The schemas must be the project's;
 * deleting a queue deletes its items (labels already written stay, as
 * assessments). Lists are newest first.
 */
import { type AnnotationQueue, CreateAnnotationQueueInput, UpdateAnnotationQueueInput } from '@assay/core'
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { annotationQueues } from '../schema/index.js'
import { getLabelSchemas } from './annotation-label-schemas.js'
import { isUniqueViolation, toAnnotationQueue } from './annotation-rows.js'
import { RecordInputError } from './model-errors.js'
import { createdBefore, createdMicros, type KeysetPage, pageLimit, toPage } from './model-keyset.js'

/** Every id must name a label schema of the project, else `RecordInputError('not_found', 'labelSchemaIds.N')`. */
async function checkSchemaIds(db: AssayDb, projectId: string, ids: string[]): Promise<void> {
  const found = new Set((await getLabelSchemas(db, projectId, ids)).map((s) => s.id))
  const missing = ids.findIndex((id) => !found.has(id))
  if (missing >= 0)
    throw new RecordInputError('not_found', `labelSchemaIds.${missing}`, `no label schema ${ids[missing]}`)
}

const nameTaken = (name: string) =>
  new RecordInputError('conflict', 'name', `an annotation queue named "${name}" exists`)

export async function createAnnotationQueue(
  db: AssayDb,
  projectId: string,
  input: CreateAnnotationQueueInput,
): Promise<AnnotationQueue> {
  const queue = CreateAnnotationQueueInput.parse(input)
  await checkSchemaIds(db, projectId, queue.labelSchemaIds)
  const [row] = await db
    .insert(annotationQueues)
    .values({ projectId, ...queue })
    .onConflictDoNothing({ target: [annotationQueues.projectId, annotationQueues.name] })
    .returning()
  if (!row) throw nameTaken(queue.name)
  return toAnnotationQueue(row)
}

export async function getAnnotationQueue(
  db: AssayDb,
  projectId: string,
  id: string,
): Promise<AnnotationQueue | null> {
  const [row] = await db
    .select()
    .from(annotationQueues)
    .where(and(eq(annotationQueues.projectId, projectId), eq(annotationQueues.id, id)))
  return row ? toAnnotationQueue(row) : null
}

/** The project's queues, newest first, one keyset page at a time. */
export async function listAnnotationQueues(
  db: AssayDb,
  projectId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<KeysetPage<AnnotationQueue>> {
  const limit = pageLimit(options.limit)
  const scope = 'annotation-queues'
  const rows = await db
    .select({ ...getTableColumns(annotationQueues), micros: createdMicros(annotationQueues.createdAt) })
    .from(annotationQueues)
    .where(
      and(eq(annotationQueues.projectId, projectId), createdBefore(annotationQueues, scope, options.cursor)),
    )
    .orderBy(desc(annotationQueues.createdAt), desc(annotationQueues.id))
    .limit(limit + 1)
  return toPage(rows, limit, scope, toAnnotationQueue)
}

/** Renames, re-describes or changes the schemas shown; null when there is no such queue. */
export async function updateAnnotationQueue(
  db: AssayDb,
  projectId: string,
  id: string,
  input: UpdateAnnotationQueueInput,
): Promise<AnnotationQueue | null> {
  const change = UpdateAnnotationQueueInput.parse(input)
  if (change.labelSchemaIds) await checkSchemaIds(db, projectId, change.labelSchemaIds)
  try {
    const [row] = await db
      .update(annotationQueues)
      .set({ ...change, updatedAt: sql`now()` })
      .where(and(eq(annotationQueues.projectId, projectId), eq(annotationQueues.id, id)))
      .returning()
    return row ? toAnnotationQueue(row) : null
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(change.name ?? '')
    throw error
  }
}

/** Deletes a queue and its items; false when there is no such queue. */
export async function deleteAnnotationQueue(db: AssayDb, projectId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(annotationQueues)
    .where(and(eq(annotationQueues.projectId, projectId), eq(annotationQueues.id, id)))
    .returning({ id: annotationQueues.id })
  return rows.length > 0
}
