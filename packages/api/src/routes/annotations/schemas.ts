/** Request and response bodies of the annotation routes, as zod schemas (they make the OpenAPI document). */
// Core schemas exist before @hono/zod-openapi adds `.openapi`; `.extend({})` makes a copy that has it.
import {
  AnnotationItem,
  AnnotationItemStatus,
  AnnotationProgress,
  AnnotationQueue,
  CreateAnnotationQueueInput,
  LabelInput,
  LabelSchema,
  LabelSchemaFields,
  MAX_ANNOTATION_ITEMS_PER_CALL,
  MAX_QUEUE_LABEL_SCHEMAS,
  refineLabelConfig,
  UpdateAnnotationQueueInput,
  UpdateLabelSchemaInput,
} from '@assay/core'
import { z } from '@hono/zod-openapi'
import { CursorParam, ErrorSchema, LimitParam, TimeParam } from '../../schemas/common.js'
import { AssessmentRecord } from '../assessments/schemas.js'
import { FilterParam } from '../search/schemas.js'

export const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
})

const IdParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name, in: 'path' }, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
export const IdParams = z.object({ id: IdParam('id') })
export const ItemParams = z.object({ id: IdParam('id'), itemId: IdParam('itemId') })
export const PageQuery = z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() })

export const LabelSchemaSchema = LabelSchema.extend({}).openapi('LabelSchema')
export const LabelSchemaPage = z.object({
  items: z.array(LabelSchemaSchema),
  nextCursor: z.string().optional(),
})
export const NewLabelSchema = LabelSchemaFields.extend({})
  .superRefine(refineLabelConfig)
  .openapi('NewLabelSchema', {
    example: { name: 'tone', valueKind: 'categorical', config: { categories: ['formal', 'casual', 'rude'] } },
  })
export const LabelSchemaPatch = UpdateLabelSchemaInput.extend({}).openapi('LabelSchemaPatch')

export const QueueSchema = AnnotationQueue.extend({ progress: AnnotationProgress }).openapi('AnnotationQueue')
export const QueueDetail = QueueSchema.extend({ labelSchemas: z.array(LabelSchemaSchema) }).openapi(
  'AnnotationQueueDetail',
)
export const QueuePage = z.object({ items: z.array(QueueSchema), nextCursor: z.string().optional() })
export const NewQueue = CreateAnnotationQueueInput.extend({}).openapi('NewAnnotationQueue', {
  example: { name: 'weekly review', description: 'Answers users gave a thumbs down' },
})
export const QueuePatch = UpdateAnnotationQueueInput.extend({}).openapi('AnnotationQueuePatch')

export const ItemSchema = AnnotationItem.extend({}).openapi('AnnotationItem')
export const ItemPage = z.object({ items: z.array(ItemSchema), nextCursor: z.string().optional() })
export const ItemListQuery = PageQuery.extend({ status: AnnotationItemStatus.optional() })

const TraceIdInput = z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex characters')
const SpanIdInput = z.string().regex(/^[0-9a-fA-F]{16}$/, 'must be 16 hex characters')

/** One of three forms: `trace_ids`, `spans`, or a filter over a window (the default when neither list is given). */
export const AddItemsBody = z
  .object({
    trace_ids: z.array(TraceIdInput).min(1).max(MAX_ANNOTATION_ITEMS_PER_CALL).optional(),
    spans: z
      .array(z.object({ trace_id: TraceIdInput, span_id: SpanIdInput }))
      .min(1)
      .max(MAX_ANNOTATION_ITEMS_PER_CALL)
      .optional(),
    filter: FilterParam.optional(),
    /** What a filter selects: whole traces (default) or matching spans. */
    target: z.enum(['traces', 'spans']).optional(),
    from: TimeParam.optional(),
    to: TimeParam.optional(),
    limit: z.number().int().min(1).max(MAX_ANNOTATION_ITEMS_PER_CALL).optional(),
    /** `nextCursor` of the previous call with the same filter, to add the next page of matches. */
    cursor: CursorParam.optional(),
  })
  .openapi('AddAnnotationItems', { example: { filter: "span.kind = 'LLM'", limit: 100 } })

export const AddItemsResult = z.object({
  /** The items this call queued, in queue order. */
  items: z.array(ItemSchema),
  /** Targets that were in the queue already. */
  alreadyQueued: z.number().int(),
  /** Given ids that match no trace or span of the project (`trace` or `trace/span`). */
  notFound: z.array(z.string()),
  /** More traces or spans match the filter: send it again with this cursor. */
  nextCursor: z.string().optional(),
})

/** Who labels. Ignored when signed in to the dashboard (the user's id is used); required otherwise. */
const UserField = z.string().trim().min(1).max(256).openapi({ example: 'ana' })
export const UserBody = z.object({ user: UserField.optional() }).openapi('Labeller')
export const SubmitBody = z
  .object({
    labels: z.array(LabelInput.extend({})).min(1).max(MAX_QUEUE_LABEL_SCHEMAS),
    user: UserField.optional(),
  })
  .openapi('AnnotationLabels')

const SpanView = z.object({
  span_id: z.string(),
  name: z.string(),
  kind: z.string(),
  status_code: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  /** JSON text, as in spans. */
  input: z.string(),
  output: z.string(),
})

export const ItemView = z
  .object({
    item: ItemSchema,
    /** 1-based place in queue order, and the queue's size. */
    index: z.number().int(),
    total: z.number().int(),
    previousId: z.string().nullable(),
    nextId: z.string().nullable(),
    labelSchemas: z.array(LabelSchemaSchema),
    /** The trace's root span (null once the trace is deleted). */
    root: SpanView.nullable(),
    /** The labelled span, for a span item. */
    span: SpanView.nullable(),
    /** The standing labels written for this item (by any labeller), to show when coming back to it. */
    labels: z.array(AssessmentRecord),
  })
  .openapi('AnnotationItemView')

export const NextResult = z.object({ next: ItemView.nullable(), progress: AnnotationProgress })
export const SubmitResult = z.object({
  item: ItemSchema,
  assessments: z.array(AssessmentRecord),
  progress: AnnotationProgress,
})
export const SkipResult = z.object({ item: ItemSchema, progress: AnnotationProgress })
