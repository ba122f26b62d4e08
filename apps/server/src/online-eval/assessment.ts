/**
 * A job's score as an assessment row. The id is derived from the job, so a
 * job scored twice (a lease that expired while its worker was still busy)
 * writes the same assessment twice, which reads fold into one, instead of
 * two assessments for one trace and rule.
 */
import { createHash } from 'node:crypto'
import type { Assessment } from '@assay/core'
import type { ScoreResult } from '@assay/evals'
import type { ClaimedJob } from '@assay/store'

export function assessmentOf(job: ClaimedJob, result: ScoreResult, now = Date.now()): Assessment {
  return {
    assessment_id: `a-${createHash('sha256').update(`online-eval:${job.id}`).digest('hex').slice(0, 32)}`,
    project_id: job.projectId,
    trace_id: job.traceId,
    span_id: '',
    type: 'feedback',
    name: result.name,
    // A failed score has no value; the row's `error` says so and aggregates skip it.
    value: result.value ?? '',
    rationale: result.rationale,
    source_type: result.sourceType,
    source_id: result.sourceId,
    run_id: '',
    overrides: '',
    valid: true,
    error: result.error ?? '',
    metadata: { online_eval_rule: job.ruleId },
    created_at: now,
  }
}
