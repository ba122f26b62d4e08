import {
  ANNOTATION_ITEM_STATUSES,
  type AnnotationItemStatus,
  LABEL_VALUE_KINDS,
  type LabelSchemaConfig,
  type LabelValueKind,
} from '@assay/core'
import { sql } from 'drizzle-orm'
import { bigint, index, pgTable, text, unique } from 'drizzle-orm/pg-core'
import {
  checkOneOf,
  createdAtColumn,
  idColumn,
  jsonObjectColumn,
  timestampColumn,
  updatedAtColumn,
} from './columns.js'
import { projectIdColumn } from './projects.js'

/**
 * Human labelling. Label schemas say what a label looks like (thumbs,
 * score range, categories, free text); queues hold the traces or spans
 * waiting for a person. The labels themselves are assessments in
 * ClickHouse, like every other kind of feedback.
 */

export const labelSchemas = pgTable(
  'label_schemas',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    /** The assessment name the labels are written under. */
    name: text('name').notNull(),
    /** `feedback` or `expectation`, as in assessments. */
    type: text('type').notNull().default('feedback'),
    valueKind: text('value_kind').$type<LabelValueKind>().notNull(),
    /** Choices for categorical, min/max for numeric. */
    config: jsonObjectColumn<LabelSchemaConfig>('config'),
    instructions: text('instructions').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('label_schemas_project_name_unique').on(t.projectId, t.name),
    checkOneOf('label_schemas_type_check', t.type, ['feedback', 'expectation']),
    checkOneOf('label_schemas_value_kind_check', t.valueKind, LABEL_VALUE_KINDS),
  ],
)

export const annotationQueues = pgTable(
  'annotation_queues',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The label schemas shown for each item, in order. */
    labelSchemaIds: text('label_schema_ids').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [unique('annotation_queues_project_name_unique').on(t.projectId, t.name)],
)

export const annotationItems = pgTable(
  'annotation_items',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    queueId: text('queue_id')
      .notNull()
      .references(() => annotationQueues.id, { onDelete: 'cascade' }),
    traceId: text('trace_id').notNull(),
    /** '' for the whole trace; not null so that the unique key below holds. */
    spanId: text('span_id').notNull().default(''),
    status: text('status').$type<AnnotationItemStatus>().notNull().default('pending'),
    /** A user id, or a free name when auth is off. */
    assignedTo: text('assigned_to'),
    /**
     * Insertion order, from one sequence: items added in one statement share
     * `created_at`, so it cannot order a queue, and ids are random.
     */
    position: bigint('position', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** When `assigned_to` claimed the item; an old claim lapses and the item is claimable again. */
    claimedAt: timestampColumn('claimed_at'),
    createdAt: createdAtColumn(),
    completedAt: timestampColumn('completed_at'),
  },
  (t) => [
    unique('annotation_items_queue_target_unique').on(t.queueId, t.traceId, t.spanId),
    index('annotation_items_project_queue_idx').on(t.projectId, t.queueId, t.status, t.createdAt),
    index('annotation_items_queue_position_idx').on(t.queueId, t.position),
    checkOneOf('annotation_items_status_check', t.status, ANNOTATION_ITEM_STATUSES),
  ],
)
