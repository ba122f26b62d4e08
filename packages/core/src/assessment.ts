import { z } from 'zod'
import { SpanId, TraceId } from './span.js'

/**
 * Assessments: feedback (human, judge, code) and expectations (ground
 * truth) attached to a trace or a span. Append-only: an edit is a new row
 * whose `overrides` names the row it replaces.
 */

export const ASSESSMENT_TYPES = ['feedback', 'expectation'] as const
export const AssessmentType = z.enum(ASSESSMENT_TYPES)
export type AssessmentType = z.infer<typeof AssessmentType>

export const ASSESSMENT_SOURCE_TYPES = ['HUMAN', 'LLM_JUDGE', 'CODE'] as const
export const AssessmentSourceType = z.enum(ASSESSMENT_SOURCE_TYPES)
export type AssessmentSourceType = z.infer<typeof AssessmentSourceType>

/** A value is a number, a boolean, a category or free text. */
export const AssessmentValue = z.union([z.number().finite(), z.boolean(), z.string()])
export type AssessmentValue = z.infer<typeof AssessmentValue>

/** How a value is stored: which of the typed columns carries it. */
export const ASSESSMENT_VALUE_TYPES = ['number', 'boolean', 'string'] as const
export type AssessmentValueType = (typeof ASSESSMENT_VALUE_TYPES)[number]

export function assessmentValueType(value: AssessmentValue): AssessmentValueType {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'
}

export const Assessment = z.object({
  assessment_id: z.string().min(1),
  project_id: z.string().min(1),
  trace_id: TraceId,
  /** '' when the assessment is on the whole trace. */
  span_id: z.union([SpanId, z.literal('')]),
  type: AssessmentType,
  name: z.string().min(1).max(256),
  value: AssessmentValue,
  rationale: z.string(),
  source_type: AssessmentSourceType,
  /** Who or what produced it: a user id, a judge name and version, a scorer name. */
  source_id: z.string(),
  /** The evaluation run that produced it ('' when none). */
  run_id: z.string(),
  /** The assessment this one replaces ('' when none). */
  overrides: z.string(),
  /** False once overridden or deleted. */
  valid: z.boolean(),
  /** An error instead of a value (a judge that failed): value is then ignored. */
  error: z.string(),
  metadata: z.record(z.string(), z.string()),
  /** Milliseconds since the epoch. */
  created_at: z.number().int().nonnegative(),
})
export type Assessment = z.infer<typeof Assessment>
