/**
 * Label schemas: what a label looks like and the assessment name it is
 * written under. Name, type and kind are fixed once created (stored
 * assessments were written under them); help text and config may change.
 * A schema that a queue shows cannot be deleted until the queue drops it.
 */
import {
  CreateLabelSchemaInput,
  type LabelSchema,
  labelConfigProblems,
  UpdateLabelSchemaInput,
} from '@assay/core'
import { and, arrayContains, asc, eq, gt, inArray } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { annotationQueues, labelSchemas } from '../schema/index.js'
import { toLabelSchema } from './annotation-rows.js'
import { RecordInputError } from './model-errors.js'
import { type KeysetPage, pageLimit } from './model-keyset.js'

/** Creates a schema; a name the project already uses throws `RecordInputError('conflict', 'name')`. */
export async function createLabelSchema(
  db: AssayDb,
  projectId: string,
  input: CreateLabelSchemaInput,
): Promise<LabelSchema> {
  const schema = CreateLabelSchemaInput.parse(input)
  const [row] = await db
    .insert(labelSchemas)
    .values({ projectId, ...schema })
    .onConflictDoNothing({ target: [labelSchemas.projectId, labelSchemas.name] })
    .returning()
  if (!row) throw new RecordInputError('conflict', 'name', `a label schema named "${schema.name}" exists`)
  return toLabelSchema(row)
}

export async function getLabelSchema(
  db: AssayDb,
  projectId: string,
  id: string,
): Promise<LabelSchema | null> {
  const [row] = await db
    .select()
    .from(labelSchemas)
    .where(and(eq(labelSchemas.projectId, projectId), eq(labelSchemas.id, id)))
  return row ? toLabelSchema(row) : null
}

/** The project's schemas among `ids`, in the order of `ids` (missing ones left out). */
export async function getLabelSchemas(db: AssayDb, projectId: string, ids: string[]): Promise<LabelSchema[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select()
    .from(labelSchemas)
    .where(and(eq(labelSchemas.projectId, projectId), inArray(labelSchemas.id, ids)))
  const byId = new Map(rows.map((row) => [row.id, toLabelSchema(row)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

const NAME = /^[\s\S]{1,256}$/

/** The project's schemas by name, one keyset page at a time. */
export async function listLabelSchemas(
  db: AssayDb,
  projectId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<KeysetPage<LabelSchema>> {
  const limit = pageLimit(options.limit)
  const after = options.cursor ? decodeCursor(options.cursor, 'label-schemas', [NAME])[0] : undefined
  const rows = await db
    .select()
    .from(labelSchemas)
    .where(
      and(
        eq(labelSchemas.projectId, projectId),
        after === undefined ? undefined : gt(labelSchemas.name, after),
      ),
    )
    .orderBy(asc(labelSchemas.name))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toLabelSchema)
  return rows.length > limit
    ? { items, nextCursor: encodeCursor('label-schemas', [items.at(-1)!.name]) }
    : { items }
}

/** Changes help text or config (checked against the schema's kind); null when there is no such schema. */
export async function updateLabelSchema(
  db: AssayDb,
  projectId: string,
  id: string,
  input: UpdateLabelSchemaInput,
): Promise<LabelSchema | null> {
  const change = UpdateLabelSchemaInput.parse(input)
  const current = await getLabelSchema(db, projectId, id)
  if (!current) return null
  if (change.config) {
    const [problem] = labelConfigProblems(current.valueKind, change.config)
    if (problem) throw new RecordInputError('invalid', `config.${problem[0]}`, problem[1])
  }
  const [row] = await db
    .update(labelSchemas)
    .set(change)
    .where(and(eq(labelSchemas.projectId, projectId), eq(labelSchemas.id, id)))
    .returning()
  return row ? toLabelSchema(row) : null
}

/** Deletes a schema no queue shows; false when there is no such schema. */
export async function deleteLabelSchema(db: AssayDb, projectId: string, id: string): Promise<boolean> {
  const [user] = await db
    .select({ name: annotationQueues.name })
    .from(annotationQueues)
    .where(
      and(eq(annotationQueues.projectId, projectId), arrayContains(annotationQueues.labelSchemaIds, [id])),
    )
    .limit(1)
  if (user) throw new RecordInputError('conflict', 'id', `queue "${user.name}" shows this label schema`)
  const rows = await db
    .delete(labelSchemas)
    .where(and(eq(labelSchemas.projectId, projectId), eq(labelSchemas.id, id)))
    .returning({ id: labelSchemas.id })
  return rows.length > 0
}
