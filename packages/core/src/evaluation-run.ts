import { z } from 'zod'
import { ProjectId } from './project.js'

/**
 * An evaluation run: a dataset version (or a trace filter) pushed through
 * a task and scored. The per-item scores are assessments in ClickHouse
 * carrying the run id; this row holds what ran and the summary that CI
 * compares against a baseline.
 */

export const EVALUATION_RUN_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const
export const EvaluationRunStatus = z.enum(EVALUATION_RUN_STATUSES)
export type EvaluationRunStatus = z.infer<typeof EvaluationRunStatus>

/** Aggregates for one scorer over the run's items. */
export const ScorerSummary = z.object({
  count: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  mean: z.number().nullable(),
  /** Share of items that passed, for scorers with a pass threshold. */
  passRate: z.number().min(0).max(1).nullable(),
})
export type ScorerSummary = z.infer<typeof ScorerSummary>

export const EvaluationRunSummary = z.object({
  itemCount: z.number().int().nonnegative(),
  scorers: z.record(z.string(), ScorerSummary),
  costUsd: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
})
export type EvaluationRunSummary = z.infer<typeof EvaluationRunSummary>

const millis = z.number().int().nonnegative()

export const EvaluationRun = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: z.string(),
  datasetId: z.string().nullable(),
  /** The dataset version whose items were used; null when the run scored traces. */
  datasetVersion: z.number().int().nonnegative().nullable(),
  loggedModelId: z.string().nullable(),
  status: EvaluationRunStatus,
  /** Scorers, thresholds, concurrency: what is needed to understand or repeat the run. */
  config: z.record(z.string(), z.unknown()),
  summary: EvaluationRunSummary.nullable(),
  error: z.string().nullable(),
  createdAt: millis,
  startedAt: millis.nullable(),
  finishedAt: millis.nullable(),
})
export type EvaluationRun = z.infer<typeof EvaluationRun>

export const CreateEvaluationRunInput = z.object({
  name: z.string().default(''),
  datasetId: z.string().nullable().default(null),
  datasetVersion: z.number().int().nonnegative().nullable().default(null),
  loggedModelId: z.string().nullable().default(null),
  config: z.record(z.string(), z.unknown()).default({}),
})
export type CreateEvaluationRunInput = z.input<typeof CreateEvaluationRunInput>
