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

/** What the judges themselves used over the run (the application's own model calls are in its traces). */
export const JudgeUsageSummary = z.object({
  calls: z.number().int().nonnegative(),
  /** Calls answered from the judge cache: no tokens, no cost. */
  cachedCalls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
})
export type JudgeUsageSummary = z.infer<typeof JudgeUsageSummary>

export const EvaluationRunSummary = z.object({
  itemCount: z.number().int().nonnegative(),
  scorers: z.record(z.string(), ScorerSummary),
  /** The judges' cost. */
  costUsd: z.number().nonnegative(),
  /** Optional: runs recorded before it existed have none. */
  judgeUsage: JudgeUsageSummary.optional(),
  durationMs: z.number().nonnegative(),
})
export type EvaluationRunSummary = z.infer<typeof EvaluationRunSummary>

const millis = z.number().int().nonnegative()

/** The runs a status may not leave: a finished run is a record, and baselines point at it. */
export const FINISHED_RUN_STATUSES: readonly EvaluationRunStatus[] = ['completed', 'failed', 'cancelled']

/**
 * An evaluator a run used, pinned to a version: a ref given without a
 * version is resolved to the latest one when the run is created, so the
 * run keeps naming the definition that actually scored it.
 */
export const EvaluatorRef = z.object({
  name: z.string().min(1).max(256),
  version: z.number().int().positive(),
})
export type EvaluatorRef = z.infer<typeof EvaluatorRef>

export const EvaluationRun = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: z.string(),
  datasetId: z.string().nullable(),
  /** The dataset version whose items were used; null when the run scored traces. */
  datasetVersion: z.number().int().nonnegative().nullable(),
  loggedModelId: z.string().nullable(),
  evaluators: z.array(EvaluatorRef),
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
  /** A missing version means the latest at creation time. */
  evaluators: z
    .array(EvaluatorRef.partial({ version: true }))
    .max(100)
    .default([]),
  status: EvaluationRunStatus.default('pending'),
  config: z.record(z.string(), z.unknown()).default({}),
  summary: EvaluationRunSummary.nullable().default(null),
  error: z.string().nullable().default(null),
})
export type CreateEvaluationRunInput = z.input<typeof CreateEvaluationRunInput>

/** A progress report on a run: each field given replaces the stored one. */
export const UpdateEvaluationRunInput = z.object({
  name: z.string().optional(),
  status: EvaluationRunStatus.optional(),
  summary: EvaluationRunSummary.nullable().optional(),
  error: z.string().nullable().optional(),
})
export type UpdateEvaluationRunInput = z.input<typeof UpdateEvaluationRunInput>
