/**
 * Label-schema, queue and item rows as the domain types of @assay/core:
 * times become epoch milliseconds. Shared by the `annotation-*` modules.
 */
import type { AnnotationItem, AnnotationQueue, LabelSchema } from '@assay/core'
import type { annotationItems, annotationQueues, labelSchemas } from '../schema/index.js'

export function toLabelSchema(row: typeof labelSchemas.$inferSelect): LabelSchema {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    type: row.type as LabelSchema['type'],
    valueKind: row.valueKind,
    config: row.config,
    instructions: row.instructions,
    createdAt: row.createdAt.getTime(),
  }
}

export function toAnnotationQueue(row: typeof annotationQueues.$inferSelect): AnnotationQueue {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    description: row.description,
    labelSchemaIds: row.labelSchemaIds,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  }
}

export function toAnnotationItem(row: typeof annotationItems.$inferSelect): AnnotationItem {
  return {
    id: row.id,
    projectId: row.projectId,
    queueId: row.queueId,
    traceId: row.traceId,
    spanId: row.spanId,
    status: row.status,
    assignedTo: row.assignedTo,
    position: row.position,
    claimedAt: row.claimedAt?.getTime() ?? null,
    createdAt: row.createdAt.getTime(),
    completedAt: row.completedAt?.getTime() ?? null,
  }
}

/** SQLSTATE 23505 (unique violation) along the cause chain: drizzle wraps the driver's error. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true
  }
  return false
}
