import { z } from 'zod'
import { AssessmentType, type AssessmentValue } from './assessment.js'
import { ProjectId } from './project.js'

/**
 * Human labelling. A label schema says what one label looks like (thumbs,
 * a score in a range, a category from a list, a correction text) and the
 * assessment name it is written under; a queue lists the traces or spans
 * waiting for a person, with the schemas shown for each. Submitted labels
 * become HUMAN assessments, so judges and people are compared on one table.
 */

export const LABEL_VALUE_KINDS = ['boolean', 'numeric', 'categorical', 'text'] as const
export const LabelValueKind = z.enum(LABEL_VALUE_KINDS)
export type LabelValueKind = z.infer<typeof LabelValueKind>

export const ANNOTATION_ITEM_STATUSES = ['pending', 'in_progress', 'completed', 'skipped'] as const
export const AnnotationItemStatus = z.enum(ANNOTATION_ITEM_STATUSES)
export type AnnotationItemStatus = z.infer<typeof AnnotationItemStatus>

/** Items one call may add to a queue (by ids or by filter); a larger filter is added page by page. */
export const MAX_ANNOTATION_ITEMS_PER_CALL = 1000
/** Labels one item may carry: a queue shows at most this many schemas. */
export const MAX_QUEUE_LABEL_SCHEMAS = 20
/** A correction text is a label, not a document. */
export const MAX_LABEL_TEXT = 65_536

const millis = z.number().int().nonnegative()
const Name = z.string().trim().min(1).max(256)

/** Categories for `categorical`; `min` / `max` (either optional) for `numeric`; nothing for the others. */
export const LabelSchemaConfig = z.strictObject({
  categories: z.array(z.string().trim().min(1).max(256)).min(1).max(100).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
})
export type LabelSchemaConfig = z.infer<typeof LabelSchemaConfig>

export const LabelSchema = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  /** The assessment name the labels are written under. */
  name: Name,
  type: AssessmentType,
  valueKind: LabelValueKind,
  config: LabelSchemaConfig,
  instructions: z.string(),
  createdAt: millis,
})
export type LabelSchema = z.infer<typeof LabelSchema>

/** The config problems of a kind, as `[path, message]` pairs (empty when it fits). */
export function labelConfigProblems(kind: LabelValueKind, config: LabelSchemaConfig): [string, string][] {
  const problems: [string, string][] = []
  const { categories, min, max } = config
  if (kind === 'categorical') {
    if (!categories) problems.push(['categories', 'required for a categorical label'])
    else if (new Set(categories).size !== categories.length)
      problems.push(['categories', 'must not repeat a category'])
  } else if (categories) problems.push(['categories', 'only a categorical label has categories'])
  if (kind !== 'numeric' && (min !== undefined || max !== undefined))
    problems.push([min !== undefined ? 'min' : 'max', 'only a numeric label has a range'])
  if (min !== undefined && max !== undefined && min > max) problems.push(['max', 'must not be below min'])
  return problems
}

/** The fields of a new schema, before the config is checked against the kind (`CreateLabelSchemaInput`). */
export const LabelSchemaFields = z.object({
  name: Name,
  type: AssessmentType.default('feedback'),
  valueKind: LabelValueKind,
  config: LabelSchemaConfig.default({}),
  instructions: z.string().max(4096).default(''),
})

/** A zod refinement reporting `labelConfigProblems` at `config.<key>`. */
export function refineLabelConfig(
  input: { valueKind: LabelValueKind; config: LabelSchemaConfig },
  ctx: z.RefinementCtx,
): void {
  for (const [key, message] of labelConfigProblems(input.valueKind, input.config))
    ctx.addIssue({ code: 'custom', path: ['config', key], message })
}

export const CreateLabelSchemaInput = LabelSchemaFields.superRefine(refineLabelConfig)
export type CreateLabelSchemaInput = z.input<typeof CreateLabelSchemaInput>

/**
 * What may change after labels exist: the help text and the config. Name,
 * type and kind stay, because stored assessments were written under them.
 */
export const UpdateLabelSchemaInput = z.object({
  config: LabelSchemaConfig.optional(),
  instructions: z.string().max(4096).optional(),
})
export type UpdateLabelSchemaInput = z.input<typeof UpdateLabelSchemaInput>

/**
 * Why `value` is not a label of `schema`, or undefined when it is.
 *
 * @example
 * labelValueProblem({ valueKind: 'numeric', config: { min: 1, max: 5 } }, 7) // 'must be at most 5'
 */
export function labelValueProblem(
  schema: Pick<LabelSchema, 'valueKind' | 'config'>,
  value: AssessmentValue,
): string | undefined {
  const { categories, min, max } = schema.config
  switch (schema.valueKind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false'
    case 'numeric':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number'
      if (min !== undefined && value < min) return `must be at least ${min}`
      if (max !== undefined && value > max) return `must be at most ${max}`
      return undefined
    case 'categorical':
      if (typeof value !== 'string') return 'must be one of the categories, as a string'
      return categories?.includes(value) ? undefined : `must be one of ${JSON.stringify(categories ?? [])}`
    case 'text':
      if (typeof value !== 'string') return 'must be a text'
      if (value.trim() === '') return 'must not be empty'
      return value.length > MAX_LABEL_TEXT ? `must be at most ${MAX_LABEL_TEXT} characters` : undefined
  }
}

export const AnnotationQueue = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: Name,
  description: z.string(),
  /** The label schemas shown for each item, in order. */
  labelSchemaIds: z.array(z.string()),
  createdAt: millis,
  updatedAt: millis,
})
export type AnnotationQueue = z.infer<typeof AnnotationQueue>

const SchemaIds = z
  .array(z.string().min(1).max(128))
  .max(MAX_QUEUE_LABEL_SCHEMAS)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a label schema')

export const CreateAnnotationQueueInput = z.object({
  name: Name,
  description: z.string().max(4096).default(''),
  labelSchemaIds: SchemaIds.default([]),
})
export type CreateAnnotationQueueInput = z.input<typeof CreateAnnotationQueueInput>

export const UpdateAnnotationQueueInput = z.object({
  name: Name.optional(),
  description: z.string().max(4096).optional(),
  labelSchemaIds: SchemaIds.optional(),
})
export type UpdateAnnotationQueueInput = z.input<typeof UpdateAnnotationQueueInput>

/** Counts of a queue's items by status; `total` is all of them. */
export const AnnotationProgress = z.object({
  pending: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
  completed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type AnnotationProgress = z.infer<typeof AnnotationProgress>

export const AnnotationItem = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  queueId: z.string().min(1),
  traceId: z.string(),
  /** '' when the item is the whole trace. */
  spanId: z.string(),
  status: AnnotationItemStatus,
  /** Who claimed, skipped or labelled it: a user id, or a name the client sent. */
  assignedTo: z.string().nullable(),
  /** Order in the queue: items are labelled and navigated by it. */
  position: z.number().int().positive(),
  claimedAt: millis.nullable(),
  createdAt: millis,
  completedAt: millis.nullable(),
})
export type AnnotationItem = z.infer<typeof AnnotationItem>

/** A trace (`spanId` absent or '') or one of its spans to put in a queue. */
export const AnnotationTarget = z.object({
  traceId: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex characters'),
  spanId: z
    .string()
    .regex(/^([0-9a-f]{16})?$/, 'must be 16 lowercase hex characters')
    .default(''),
})
export type AnnotationTarget = z.input<typeof AnnotationTarget>

/** One label of a submission: a value for one of the queue's schemas. */
export const LabelInput = z.object({
  schemaId: z.string().min(1).max(128),
  value: z.union([z.number().finite(), z.boolean(), z.string().max(MAX_LABEL_TEXT)]),
  rationale: z.string().max(MAX_LABEL_TEXT).optional(),
})
export type LabelInput = z.infer<typeof LabelInput>
