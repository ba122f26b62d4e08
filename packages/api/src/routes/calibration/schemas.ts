/** The calibration report's shape, as zod schemas (they make the OpenAPI document). */
import { z } from '@hono/zod-openapi'
import { TimeParam } from '../../schemas/common.js'

const rate = z.number().nullable()

export const JudgeAgreement = z
  .object({
    /** The judge (or code scorer) and its version, as its assessments name it. */
    sourceId: z.string(),
    n: z
      .number()
      .int()
      .nonnegative()
      .openapi({ description: 'Traces labelled by a human and by this judge' }),
    agreement: rate.openapi({ description: 'Share of traces where both gave the same value' }),
    kappa: rate.openapi({ description: 'Cohen’s kappa; null when undefined (one label only)' }),
    weightedKappa: rate.openapi({ description: 'Quadratic-weighted kappa for numeric and boolean scales' }),
    tpr: rate.openapi({ description: 'True positive rate, the human as truth' }),
    fpr: rate.openapi({ description: 'False positive rate, the human as truth' }),
    confusion: z.object({
      labels: z.array(z.string()),
      matrix: z
        .array(z.array(z.number().int()))
        .openapi({ description: 'Rows: the human’s label; columns: the judge’s' }),
    }),
  })
  .openapi('JudgeAgreement')

export const CalibrationReport = z
  .object({
    name: z.string(),
    /** Assessments of the name read (capped). */
    assessments: z.number().int().nonnegative(),
    truncated: z.boolean(),
    judges: z.array(JudgeAgreement),
  })
  .openapi('CalibrationReport')

export const CalibrationQuery = z.object({
  name: z
    .string()
    .min(1)
    .max(256)
    .openapi({ description: 'The assessment name humans and judges share', example: 'helpful' }),
  from: TimeParam.optional().openapi({
    description: 'Assessments created from (default: 90 days before `to`)',
  }),
  to: TimeParam.optional(),
  threshold: z.coerce
    .number()
    .optional()
    .openapi({ description: 'Numeric values at or above it are positive (TPR/FPR)' }),
  positive: z
    .string()
    .max(256)
    .optional()
    .openapi({ description: 'The positive category of a text scale (TPR/FPR)' }),
})
