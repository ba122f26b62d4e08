import type { DatasetItem } from '@assay/core'
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { datasetItems } from '../schema/index.js'
import { DatasetVersionError } from './dataset-errors.js'
import { getDataset, requireDataset } from './dataset-records.js'
import { toDatasetItem } from './dataset-rows.js'

/**
 * A dataset's items as of one version, a page at a time in the order they
 * were added (item ids sort so; see `dataset-item-ids.ts`). An item state
 * is alive at version v when `created_version <= v` and it was not closed
 * by then (`deleted_version` null or after v).
 */

export interface ListDatasetItemsOptions {
  projectId: string
  datasetId: string
  /** Default: the dataset's current version. 0 is the empty dataset before its first change. */
  version?: number
  /** 1 to 1000, default 100. */
  limit?: number
  /** `nextCursor` of the previous page, for the same dataset and version. */
  cursor?: string
}

export interface DatasetItemPage {
  /** The version the page was read at. */
  version: number
  items: DatasetItem[]
  nextCursor?: string
}

const ITEM_ID = /^[0-9a-zA-Z_-]{1,64}$/

export async function listDatasetItems(
  db: AssayDb,
  options: ListDatasetItemsOptions,
): Promise<DatasetItemPage> {
  const { projectId, datasetId } = options
  const dataset = await requireDataset(getDataset(db, projectId, datasetId), datasetId)
  const version = options.version ?? dataset.version
  if (version > dataset.version) throw new DatasetVersionError(version, dataset.version)
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000)
  // The scope binds a cursor to this dataset and version: reused elsewhere, it is refused.
  const scope = `dataset-items:${datasetId}:${version}`
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, scope, [ITEM_ID])[0]
  const rows = await db
    .select()
    .from(datasetItems)
    .where(
      and(
        eq(datasetItems.projectId, projectId),
        eq(datasetItems.datasetId, datasetId),
        lte(datasetItems.createdVersion, version),
        or(isNull(datasetItems.deletedVersion), gt(datasetItems.deletedVersion, version)),
        after === undefined ? undefined : gt(datasetItems.itemId, after),
      ),
    )
    .orderBy(asc(datasetItems.itemId))
    .limit(limit + 1)
  const page = rows.slice(0, limit).map(toDatasetItem)
  return {
    version,
    items: page,
    ...(rows.length > limit ? { nextCursor: encodeCursor(scope, [page.at(-1)!.id]) } : {}),
  }
}
