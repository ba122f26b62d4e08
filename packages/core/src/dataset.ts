import { z } from 'zod'
import { ProjectId } from './project.js'

/**
 * Datasets of evaluation items. Every change (add, edit, delete of items)
 * bumps the dataset's version, and old item states are kept, so an
 * evaluation run can name the exact version it used and be reproduced.
 */

/** At most this many items are added, changed or deleted by one call (a bulk request, an import). */
export const MAX_DATASET_ITEMS_PER_CALL = 10_000

const millis = z.number().int().nonnegative()
const JsonObject = z.record(z.string(), z.unknown())

export const Dataset = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: z.string().min(1).max(256),
  description: z.string(),
  tags: z.record(z.string(), z.string()),
  /** 0 while empty and never changed. */
  version: z.number().int().nonnegative(),
  createdAt: millis,
  updatedAt: millis,
})
export type Dataset = z.infer<typeof Dataset>

export const DatasetItem = z.object({
  /** Stable across edits: an edited item keeps its id and gets a new version. */
  id: z.string().min(1),
  datasetId: z.string().min(1),
  projectId: ProjectId,
  inputs: JsonObject,
  /** Ground truth for scorers (expected answer, expected facts, ...). */
  expectations: JsonObject,
  metadata: z.record(z.string(), z.string()),
  /** The trace the item was made from, when it came from production. */
  sourceTraceId: z.string().nullable(),
  /** The dataset version in which this state of the item appeared. */
  version: z.number().int().positive(),
  createdAt: millis,
})
export type DatasetItem = z.infer<typeof DatasetItem>

export const CreateDatasetInput = z.object({
  name: z.string().min(1).max(256),
  description: z.string().default(''),
  tags: z.record(z.string(), z.string()).default({}),
})
export type CreateDatasetInput = z.input<typeof CreateDatasetInput>

/** Unknown keys are refused, so a misspelt `expectation` is an error rather than silently dropped. */
export const DatasetItemInput = z.strictObject({
  inputs: JsonObject,
  expectations: JsonObject.default({}),
  metadata: z.record(z.string(), z.string()).default({}),
  sourceTraceId: z.string().max(128).nullable().default(null),
})
export type DatasetItemInput = z.input<typeof DatasetItemInput>

/**
 * A change to one item, by its id: each field given replaces that field
 * whole (no deep merge); fields left out keep their value. The item keeps
 * its id and gets the new dataset version.
 */
export const DatasetItemUpdate = z
  .strictObject({
    id: z.string().min(1).max(64),
    inputs: JsonObject.optional(),
    expectations: JsonObject.optional(),
    metadata: z.record(z.string(), z.string()).optional(),
  })
  .refine((u) => u.inputs !== undefined || u.expectations !== undefined || u.metadata !== undefined, {
    message: 'give at least one of inputs, expectations, metadata',
  })
export type DatasetItemUpdate = z.input<typeof DatasetItemUpdate>
