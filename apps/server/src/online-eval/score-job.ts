/**
 * One claimed job, scored: its rule's evaluator (pinned version, or the
 * latest now), the trace read whole (GenAI messages sent as log records
 * filled in, as the API shows them), one rate-limited scoring call. What
 * cannot succeed on a retry (rule, evaluator or trace gone) is `permanent`.
 */

import { fillSpansFromEvents } from '@assay/collector'
import type { EvalItem, EvaluatorRef, ScoreResult, Scorer, TraceView } from '@assay/evals'
import type { AssayDb, ClaimedJob, ClickHouse } from '@assay/store'
import { getEvaluatorVersion, getRule, getSpanEvents, getTraceSpans } from '@assay/store'
import type { RateLimiter } from './rate-limiter.js'

export interface ScoreJobDeps {
  db: AssayDb
  clickhouse: ClickHouse
  limiter: RateLimiter
  scorerFor(evaluator: EvaluatorRef): Scorer
  itemFromTrace(trace: TraceView): EvalItem
}

export type ScoreOutcome =
  | { ok: true; result: ScoreResult }
  | { ok: false; error: string; permanent: boolean; result?: ScoreResult }

export async function scoreJob(
  deps: ScoreJobDeps,
  job: ClaimedJob,
  signal: AbortSignal,
): Promise<ScoreOutcome> {
  const rule = await getRule(deps.db, job.projectId, job.ruleId)
  if (!rule) return { ok: false, error: 'the rule was deleted', permanent: true }
  const version = await getEvaluatorVersion(
    deps.db,
    job.projectId,
    rule.evaluator.name,
    rule.evaluator.version ?? undefined,
  )
  if (!version) {
    const which = rule.evaluator.version === null ? 'any version' : `version ${rule.evaluator.version}`
    return { ok: false, error: `evaluator ${rule.evaluator.name} has no ${which}`, permanent: true }
  }
  const [spans, events] = await Promise.all([
    getTraceSpans(deps.clickhouse, job.projectId, job.traceId),
    getSpanEvents(deps.clickhouse, job.projectId, job.traceId),
  ])
  if (spans.length === 0)
    return { ok: false, error: `trace ${job.traceId} not found (deleted?)`, permanent: true }
  const item = deps.itemFromTrace({ traceId: job.traceId, spans: fillSpansFromEvents(spans, events) })
  const scorer = deps.scorerFor({
    name: rule.evaluator.name,
    version: version.version,
    definition: version.definition,
  })
  // Stopped while reading: no model call for a job that is being given back.
  signal.throwIfAborted()
  await deps.limiter.take(signal)
  const result = await scorer.score(item, { signal })
  return result.error === null
    ? { ok: true, result }
    : { ok: false, error: result.error, permanent: false, result }
}
