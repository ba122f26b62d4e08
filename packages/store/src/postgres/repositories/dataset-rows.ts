import type { Dataset, DatasetItem } from '@assay/core'
import type { datasetItems, datasets } from '../schema/index.js'

/** Rows of the dataset tables as the domain types of `@assay/core`. */

export type DatasetRow = typeof datasets.$inferSelect
export type DatasetItemRow = typeof datasetItems.$inferSelect

export function toDataset(row: DatasetRow): Dataset {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    description: row.description,
    tags: row.tags,
    version: row.version,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  }
}

/** One state of an item; its `id` is the stable item id, not the row id. */
export function toDatasetItem(row: DatasetItemRow): DatasetItem {
  return {
    id: row.itemId,
    datasetId: row.datasetId,
    projectId: row.projectId,
    inputs: row.inputs,
    expectations: row.expectations,
    metadata: row.metadata,
    sourceTraceId: row.sourceTraceId,
    version: row.createdVersion,
    createdAt: row.createdAt.getTime(),
  }
}
