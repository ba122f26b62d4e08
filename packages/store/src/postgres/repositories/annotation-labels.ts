/**
 * Submitting the labels of one item. Each value is checked against its
 * label schema (a schema the queue shows; the value of its kind, in its
 * list or range), then `write` stores them (the API passes the ClickHouse
 * assessment writer, which this Postgres module does not know), then the
 * item is completed. The item row stays locked from the first read to the
 * status change, so two submissions of one item run one after the other
 * and the second sees the first's result; a failed write leaves the item
 * as it was.
 */
import {
  type AnnotationItem,
  type AssessmentValue,
  type LabelInput,
  type LabelSchema,
  labelValueProblem,
  MAX_QUEUE_LABEL_SCHEMAS,
} from '@assay/core'
import { and, eq, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { annotationItems, annotationQueues } from '../schema/index.js'
import { getLabelSchemas } from './annotation-label-schemas.js'
import { toAnnotationItem } from './annotation-rows.js'
import { RecordInputError } from './model-errors.js'

/** A label that passed its schema's checks. */
export interface CheckedLabel {
  schema: LabelSchema
  value: AssessmentValue
  rationale?: string
}

export interface LabelSubmission {
  labels: LabelInput[]
  /** Who labels: a user id, or a name the client sent. */
  user: string
}

/** The labels against the queue's schemas; the first problem throws `RecordInputError` naming `labels.N.*`. */
export function checkLabels(schemas: LabelSchema[], labels: LabelInput[]): CheckedLabel[] {
  if (labels.length === 0) throw new RecordInputError('invalid', 'labels', 'at least one label')
  if (labels.length > MAX_QUEUE_LABEL_SCHEMAS)
    throw new RecordInputError('invalid', 'labels', `at most ${MAX_QUEUE_LABEL_SCHEMAS} labels`)
  const byId = new Map(schemas.map((s) => [s.id, s]))
  const seen = new Set<string>()
  return labels.map((label, i) => {
    const schema = byId.get(label.schemaId)
    if (!schema)
      throw new RecordInputError(
        'invalid',
        `labels.${i}.schemaId`,
        `${label.schemaId} is not a label schema of this queue`,
      )
    if (seen.has(schema.id))
      throw new RecordInputError(
        'invalid',
        `labels.${i}.schemaId`,
        `label schema "${schema.name}" is given twice`,
      )
    seen.add(schema.id)
    const problem = labelValueProblem(schema, label.value)
    if (problem)
      throw new RecordInputError(
        'invalid',
        `labels.${i}.value`,
        `label schema "${schema.name}" (${schema.valueKind}): ${problem}`,
      )
    return { schema, value: label.value, rationale: label.rationale }
  })
}

/**
 * @example
 * const { item } = await submitAnnotationLabels(db, projectId, queueId, itemId, { labels, user },
 *   (item, labels) => writeAssessments(item, labels))
 */
export async function submitAnnotationLabels<T>(
  db: AssayDb,
  projectId: string,
  queueId: string,
  itemId: string,
  submission: LabelSubmission,
  write: (item: AnnotationItem, labels: CheckedLabel[]) => Promise<T>,
): Promise<{ item: AnnotationItem; written: T }> {
  return db.transaction(async (tx) => {
    const t = annotationItems
    const [locked] = await tx
      .select({ item: t, schemaIds: annotationQueues.labelSchemaIds })
      .from(t)
      .innerJoin(annotationQueues, eq(annotationQueues.id, t.queueId))
      .where(and(eq(t.projectId, projectId), eq(t.queueId, queueId), eq(t.id, itemId)))
      .for('update', { of: t })
    if (!locked) throw new RecordInputError('not_found', 'itemId', `no item ${itemId} in this queue`)
    const schemas = await getLabelSchemas(tx, projectId, locked.schemaIds)
    const labels = checkLabels(schemas, submission.labels)
    const written = await write(toAnnotationItem(locked.item), labels)
    const [row] = await tx
      .update(t)
      .set({ status: 'completed', assignedTo: submission.user, completedAt: sql`now()` })
      .where(eq(t.id, itemId))
      .returning()
    return { item: toAnnotationItem(row!), written }
  })
}
