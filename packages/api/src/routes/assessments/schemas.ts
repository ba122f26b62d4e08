/** Request and response bodies of the assessment routes, as zod schemas (they make the OpenAPI document). */
import { Assessment, AssessmentSourceType, AssessmentType } from '@assay/core'
import { z } from '@hono/zod-openapi'

export const AssessmentRecord = Assessment.extend({
  deleted: z.boolean(),
  overridden_by: z.string(),
  updated_at: z.number().int(),
}).openapi('Assessment')

export const AssessmentList = z.object({ items: z.array(AssessmentRecord) })

/** Text values are capped so one label cannot be a document. */
export const MAX_TEXT = 65_536

export const AssessmentValueInput = z
  .union([z.number().finite(), z.boolean(), z.string().max(MAX_TEXT)], {
    error: 'must be a number, a boolean, or a string of at most 65536 characters',
  })
  .openapi({ example: true })

export const SourceInput = z.object({
  type: AssessmentSourceType,
  /** A user id, a judge name and version, a scorer name. */
  id: z.string().max(256).optional(),
})

const Metadata = z
  .record(z.string().min(1).max(256), z.string().max(8192))
  .refine((m) => Object.keys(m).length <= 64, 'at most 64 keys')

export const CreateAssessmentBody = z
  .object({
    type: AssessmentType.optional(),
    name: z.string().trim().min(1).max(256),
    /** Required unless `error` says why there is none (a judge that failed). */
    value: AssessmentValueInput.optional(),
    error: z.string().max(MAX_TEXT).optional(),
    rationale: z.string().max(MAX_TEXT).optional(),
    source: SourceInput.optional(),
    span_id: z
      .string()
      .regex(/^([0-9a-fA-F]{16})?$/, 'must be 16 hex characters')
      .optional(),
    run_id: z
      .string()
      .max(128)
      .regex(/^[A-Za-z0-9_.:-]*$/, 'must be letters, digits and _.:-')
      .optional(),
    metadata: Metadata.optional(),
  })
  .openapi('NewAssessment')

export const OverrideAssessmentBody = z
  .object({
    value: AssessmentValueInput,
    rationale: z.string().max(MAX_TEXT).optional(),
    source: SourceInput.optional(),
    metadata: Metadata.optional(),
  })
  .openapi('AssessmentOverride')

export const AssessmentIdParam = z
  .string()
  .openapi({ param: { name: 'id', in: 'path' }, example: 'a-0f8e4c2b9d7a41e6b3c5d2e1f0a9b8c7' })
