import {
  type DatasetItemInput,
  DatasetItemInput as DatasetItemInputSchema,
  type DatasetItemUpdate,
  DatasetItemUpdate as DatasetItemUpdateSchema,
} from '@assay/core'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { datasetItems } from '../schema/index.js'
import { DatasetItemsNotFoundError } from './dataset-errors.js'
import { newItemIds } from './dataset-item-ids.js'
import { changeDataset } from './dataset-version.js'

/**
 * Item writes: add, update and delete in bulk, each one new dataset version
 * (see `changeDataset`). Old states are never rewritten, only closed by
 * setting `deleted_version`, so every earlier version can still be read.
 */

/** Rows per INSERT: ~10 parameters a row stays far below PostgreSQL's 65,535 per statement. */
const INSERT_CHUNK = 1000

type NewItemRow = typeof datasetItems.$inferInsert

async function insertRows(tx: AssayDb, rows: NewItemRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(datasetItems).values(rows.slice(i, i + INSERT_CHUNK))
  }
}

/**
 * Adds items as one new version; returns their ids in the order given.
 *
 * @example
 * const { version, ids } = await addDatasetItems(db, 'default', datasetId, [{ inputs: { q: 'hi' } }])
 */
export async function addDatasetItems(
  db: AssayDb,
  projectId: string,
  datasetId: string,
  items: DatasetItemInput[],
): Promise<{ version: number; ids: string[] }> {
  const parsed = items.map((item) => DatasetItemInputSchema.parse(item))
  return changeDataset(db, projectId, datasetId, async (tx, version) => {
    const ids = newItemIds(version, parsed.length)
    await insertRows(
      tx,
      parsed.map((item, i) => ({
        itemId: ids[i]!,
        projectId,
        datasetId,
        ...item,
        createdVersion: version,
      })),
    )
    return { changed: parsed.length > 0, result: { ids } }
  })
}

/**
 * Replaces fields of live items as one new version. All or nothing: when
 * any id has no live state, nothing is written and
 * `DatasetItemsNotFoundError` names the missing ids.
 */
export async function updateDatasetItems(
  db: AssayDb,
  projectId: string,
  datasetId: string,
  updates: DatasetItemUpdate[],
): Promise<{ version: number; updated: number }> {
  const parsed = updates.map((update) => DatasetItemUpdateSchema.parse(update))
  const ids = [...new Set(parsed.map((u) => u.id))]
  return changeDataset(db, projectId, datasetId, async (tx, version) => {
    if (ids.length === 0) return { changed: false, result: { updated: 0 } }
    const closed = await tx
      .update(datasetItems)
      .set({ deletedVersion: version })
      .where(liveItems(projectId, datasetId, ids))
      .returning()
    const byId = new Map(closed.map((row) => [row.itemId, row]))
    const missing = ids.filter((id) => !byId.has(id))
    if (missing.length > 0) throw new DatasetItemsNotFoundError(missing)
    const latest = new Map(parsed.map((u) => [u.id, u])) // the last update of an id wins
    await insertRows(
      tx,
      [...latest.values()].map((u) => {
        const old = byId.get(u.id)!
        return {
          itemId: u.id,
          projectId,
          datasetId,
          inputs: u.inputs ?? old.inputs,
          expectations: u.expectations ?? old.expectations,
          metadata: u.metadata ?? old.metadata,
          sourceTraceId: old.sourceTraceId,
          createdVersion: version,
        }
      }),
    )
    return { changed: true, result: { updated: latest.size } }
  })
}

/**
 * Deletes live items as one new version (their earlier states stay
 * readable at earlier versions). Ids without a live state are returned in
 * `notFound`; when none was live, the version does not move.
 */
export async function deleteDatasetItems(
  db: AssayDb,
  projectId: string,
  datasetId: string,
  itemIds: string[],
): Promise<{ version: number; deleted: number; notFound: string[] }> {
  const ids = [...new Set(itemIds)]
  return changeDataset(db, projectId, datasetId, async (tx, version) => {
    if (ids.length === 0) return { changed: false, result: { deleted: 0, notFound: [] } }
    const closed = await tx
      .update(datasetItems)
      .set({ deletedVersion: version })
      .where(liveItems(projectId, datasetId, ids))
      .returning({ itemId: datasetItems.itemId })
    const gone = new Set(closed.map((row) => row.itemId))
    return {
      changed: gone.size > 0,
      result: { deleted: gone.size, notFound: ids.filter((id) => !gone.has(id)) },
    }
  })
}

function liveItems(projectId: string, datasetId: string, itemIds: string[]) {
  return and(
    eq(datasetItems.projectId, projectId),
    eq(datasetItems.datasetId, datasetId),
    inArray(datasetItems.itemId, itemIds),
    isNull(datasetItems.deletedVersion),
  )
}
