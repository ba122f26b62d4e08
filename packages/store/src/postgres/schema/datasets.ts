import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAtColumn, idColumn, jsonObjectColumn, updatedAtColumn } from './columns.js'
import { projectIdColumn } from './projects.js'

/**
 * Versioned datasets. Each change bumps `datasets.version`; an item row is
 * one state of an item, alive from `created_version` until
 * `deleted_version` (exclusive). An edit closes the old row and opens a new
 * one with the same `item_id`, so "the dataset as of version v" is
 * `created_version <= v AND (deleted_version IS NULL OR deleted_version > v)`.
 */
export const datasets = pgTable(
  'datasets',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tags: jsonObjectColumn<Record<string, string>>('tags'),
    version: integer('version').notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('datasets_project_name_unique').on(t.projectId, t.name)],
)

export const datasetItems = pgTable(
  'dataset_items',
  {
    /** One row = one state of an item. */
    id: idColumn(),
    /** Stable across edits. */
    itemId: text('item_id').notNull(),
    projectId: projectIdColumn(),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    expectations: jsonObjectColumn<Record<string, unknown>>('expectations'),
    metadata: jsonObjectColumn<Record<string, string>>('metadata'),
    sourceTraceId: text('source_trace_id'),
    createdVersion: integer('created_version').notNull(),
    deletedVersion: integer('deleted_version'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('dataset_items_project_dataset_idx').on(t.projectId, t.datasetId, t.createdVersion),
    unique('dataset_items_item_version_unique').on(t.datasetId, t.itemId, t.createdVersion),
    // At most one live state per item.
    uniqueIndex('dataset_items_live_unique')
      .on(t.datasetId, t.itemId)
      .where(sql`${t.deletedVersion} is null`),
  ],
)
