import { z } from 'zod'
import { EvaluatorName } from './evaluator.js'
import { ProjectId } from './project.js'

/**
 * Online evaluation: a rule scores a sample of the new traces that match a
 * filter with one evaluator, in the background; each matched trace becomes
 * a job that a worker claims, scores and turns into an assessment. These
 * are the shapes the API shows and the store returns.
 */

const millis = z.number().int().nonnegative()

/** Fraction of matching traces to score, decided per trace by a hash (every process agrees). */
export const SampleRate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')

export const OnlineEvalRuleName = z.string().min(1).max(256)

export const OnlineEvalRule = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: OnlineEvalRuleName,
  /** In the filter language; '' matches every trace. */
  filter: z.string(),
  sampleRate: SampleRate,
  evaluator: z.object({
    id: z.string().min(1),
    name: EvaluatorName,
    /** Null follows the evaluator's latest version. */
    version: z.number().int().positive().nullable(),
  }),
  enabled: z.boolean(),
  /** Traces that ended before this (ms since the epoch) were considered; null before the first pass. */
  matchedUntil: millis.nullable(),
  createdAt: millis,
  updatedAt: millis,
})
export type OnlineEvalRule = z.infer<typeof OnlineEvalRule>

/** What the store needs to save a rule: the evaluator already resolved to its id. */
export interface NewOnlineEvalRule {
  name: string
  filter: string
  sampleRate: number
  evaluatorId: string
  evaluatorVersion: number | null
  enabled: boolean
}

export type OnlineEvalRulePatch = Partial<NewOnlineEvalRule>

export const ONLINE_EVAL_JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const
export const OnlineEvalJobStatus = z.enum(ONLINE_EVAL_JOB_STATUSES)
export type OnlineEvalJobStatus = z.infer<typeof OnlineEvalJobStatus>

/** One trace of one rule on its way to an assessment; `lastError` says why the last attempt failed. */
export const OnlineEvalJob = z.object({
  id: z.string().min(1),
  ruleId: z.string().min(1),
  traceId: z.string().min(1),
  status: OnlineEvalJobStatus,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** Not claimed before this time (ms): enqueue time, or the end of a retry's backoff. */
  availableAt: millis,
  createdAt: millis,
  finishedAt: millis.nullable(),
})
export type OnlineEvalJob = z.infer<typeof OnlineEvalJob>

/** Jobs of a rule by status. */
export const OnlineEvalJobCounts = z.object({
  pending: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
})
export type OnlineEvalJobCounts = z.infer<typeof OnlineEvalJobCounts>
