/** Request and response bodies of the dataset routes, as zod schemas (they make the OpenAPI document). */
import {
  CreateDatasetInput,
  Dataset,
  DatasetItem,
  DatasetItemInput,
  DatasetItemUpdate,
  MAX_DATASET_ITEMS_PER_CALL,
} from '@assay/core'
import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'

export const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

// Core's schemas are re-made here (`z.object(shape)`): only schemas built after
// `@hono/zod-openapi` loads carry `.openapi()`, which names the component.
export const DatasetRecord = z.object(Dataset.shape).openapi('Dataset')
export const DatasetDetail = Dataset.extend({
  /** Items at the current version. */
  itemCount: z.number().int().nonnegative(),
}).openapi('DatasetDetail')
export const DatasetItemRecord = z.object(DatasetItem.shape).openapi('DatasetItem')

export const NewDatasetBody = z.strictObject(CreateDatasetInput.shape).openapi('NewDataset')

export const DatasetIdParam = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'datasetId', in: 'path' }, example: '0b5f7c1e-4a39-4f0e-9d8a-3f6c2e1b7a90' })
export const DatasetPathParams = z.object({ datasetId: DatasetIdParam })

const perCall = `at most ${MAX_DATASET_ITEMS_PER_CALL} per call (413 past it)`

export const AddItemsBody = z
  .object({ items: z.array(DatasetItemInput).min(1).openapi({ description: perCall }) })
  .openapi('NewDatasetItems')

/** A repeated id in one call is refused: which of the two changes was meant is not knowable. */
function uniqueIds<T>(idOf: (entry: T) => string, path: (i: number) => (string | number)[]) {
  return (entries: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>()
    entries.forEach((entry, i) => {
      const id = idOf(entry)
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `item ${id} appears twice`, path: path(i) })
      seen.add(id)
    })
  }
}

export const UpdateItemsBody = z
  .object({
    items: z
      .array(DatasetItemUpdate)
      .min(1)
      .superRefine(
        uniqueIds(
          (u) => u.id,
          (i) => [i, 'id'],
        ),
      )
      .openapi({ description: perCall }),
  })
  .openapi('DatasetItemUpdates')

export const DeleteItemsBody = z
  .object({
    ids: z
      .array(z.string().min(1).max(64))
      .min(1)
      .superRefine(
        uniqueIds(
          (id) => id,
          (i) => [i],
        ),
      )
      .openapi({ description: perCall }),
  })
  .openapi('DatasetItemDeletion')

export const VersionParam = z.coerce
  .number()
  .int()
  .nonnegative()
  .openapi({ description: 'Read the dataset as of this version (default: the latest)' })
export { CursorParam, LimitParam } from '../../schemas/common.js'

export const DatasetPage = z.object({ items: z.array(DatasetRecord), nextCursor: z.string().optional() })
export const DatasetItemPage = z.object({
  /** The version the page was read at. */
  version: z.number().int().nonnegative(),
  items: z.array(DatasetItemRecord),
  nextCursor: z.string().optional(),
})

export const ItemsAdded = z.object({ version: z.number().int(), ids: z.array(z.string()) })
export const ItemsUpdated = z.object({ version: z.number().int(), updated: z.number().int() })
export const ItemsDeleted = z.object({
  version: z.number().int(),
  deleted: z.number().int(),
  /** Ids that had no live item (already deleted, or never there); not an error. */
  notFound: z.array(z.string()),
})

export const RejectedLine = z.object({ line: z.number().int().positive(), error: z.string() })
export const ImportReport = z
  .object({
    version: z.number().int(),
    imported: z.number().int(),
    rejected: z.array(RejectedLine),
  })
  .openapi('DatasetImportReport')
