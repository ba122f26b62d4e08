import { CreateDatasetInput, type Dataset } from '@assay/core'
import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { datasetItems, datasets } from '../schema/index.js'
import { DatasetNotFoundError } from './dataset-errors.js'
import { toDataset } from './dataset-rows.js'

/**
 * The dataset rows: create, get, list. Every function is scoped by
 * project, so an id from another project reads as missing.
 */

/** Creates an empty dataset (version 0); null when the project already has one of that name. */
export async function createDataset(
  db: AssayDb,
  projectId: string,
  input: CreateDatasetInput,
): Promise<Dataset | null> {
  const { name, description, tags } = CreateDatasetInput.parse(input)
  const rows = await db
    .insert(datasets)
    .values({ projectId, name, description, tags })
    .onConflictDoNothing()
    .returning()
  return rows[0] ? toDataset(rows[0]) : null
}

export async function getDataset(db: AssayDb, projectId: string, datasetId: string): Promise<Dataset | null> {
  const rows = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, datasetId), eq(datasets.projectId, projectId)))
    .limit(1)
  return rows[0] ? toDataset(rows[0]) : null
}

/** The dataset, or `DatasetNotFoundError`. */
export async function requireDataset(found: Promise<Dataset | null>, datasetId: string): Promise<Dataset> {
  const dataset = await found
  if (!dataset) throw new DatasetNotFoundError(datasetId)
  return dataset
}

/** How many items the dataset holds at its current version. */
export async function countLiveItems(db: AssayDb, projectId: string, datasetId: string): Promise<number> {
  return db.$count(
    datasetItems,
    and(
      eq(datasetItems.projectId, projectId),
      eq(datasetItems.datasetId, datasetId),
      isNull(datasetItems.deletedVersion),
    ),
  )
}

export interface ListDatasetsOptions {
  /** 1 to 1000, default 100. */
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string
}

/** A project's datasets by name (unique in a project), a page at a time. */
export async function listDatasets(
  db: AssayDb,
  projectId: string,
  options: ListDatasetsOptions = {},
): Promise<{ items: Dataset[]; nextCursor?: string }> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
  const scope = 'datasets:name'
  const after =
    options.cursor === undefined ? undefined : decodeCursor(options.cursor, scope, [/^[\s\S]{1,1024}$/])[0]
  const rows = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.projectId, projectId), after === undefined ? undefined : gt(datasets.name, after)))
    .orderBy(asc(datasets.name))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toDataset)
  return {
    items,
    ...(rows.length > limit ? { nextCursor: encodeCursor(scope, [items.at(-1)!.name]) } : {}),
  }
}
