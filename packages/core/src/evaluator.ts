import { z } from 'zod'
import { ProjectId } from './project.js'

/**
 * Evaluators: LLM judges and code scorers saved in the registry, versioned
 * like prompts so that a score can always be traced to the exact
 * definition that produced it (`name` + `version`).
 */

const millis = z.number().int().nonnegative()

/** One allowed verdict of a judge and the score it maps to. */
export const JudgeChoice = z.object({ label: z.string().min(1), score: z.number() })
export type JudgeChoice = z.infer<typeof JudgeChoice>

export const JudgeDefinition = z.object({
  type: z.literal('judge'),
  /** A built-in judge (`correctness`, `groundedness`, ...) or null for a custom template. */
  builtin: z.string().nullable(),
  /** Template over `{{inputs}}`, `{{outputs}}`, `{{expectations}}`, `{{context}}`. */
  template: z.string(),
  choices: z.array(JudgeChoice).min(2),
  /** Scores at or above this pass. */
  passThreshold: z.number().nullable(),
  /** Natural-language rules, for the `guidelines` judge. */
  guidelines: z.array(z.string()),
  model: z.string().nullable(),
  modelParams: z.record(z.string(), z.unknown()),
})
export type JudgeDefinition = z.infer<typeof JudgeDefinition>

export const CodeScorerDefinition = z.object({
  type: z.literal('code'),
  /** A built-in scorer: `exact_match`, `contains`, `regex`, `json_schema`, ... */
  scorer: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
})
export type CodeScorerDefinition = z.infer<typeof CodeScorerDefinition>

export const EvaluatorDefinition = z.discriminatedUnion('type', [JudgeDefinition, CodeScorerDefinition])
export type EvaluatorDefinition = z.infer<typeof EvaluatorDefinition>

export const Evaluator = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: z.string().min(1).max(256),
  description: z.string(),
  latestVersion: z.number().int().nonnegative(),
  createdAt: millis,
})
export type Evaluator = z.infer<typeof Evaluator>

export const EvaluatorVersion = z.object({
  evaluatorId: z.string().min(1),
  projectId: ProjectId,
  version: z.number().int().positive(),
  definition: EvaluatorDefinition,
  createdAt: millis,
})
export type EvaluatorVersion = z.infer<typeof EvaluatorVersion>

/** An evaluator name: it appears in URL paths (`/evaluators/{name}`), so it has no `/`. */
export const EvaluatorName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^/]+$/, 'must not contain /')

export const CreateEvaluatorInput = z.object({
  name: EvaluatorName,
  description: z.string().default(''),
  definition: EvaluatorDefinition,
})
export type CreateEvaluatorInput = z.input<typeof CreateEvaluatorInput>
