/**
 * The matcher: for each enabled rule, the traces that settled since its
 * watermark (last span ended before now minus the settle time, so a judge
 * sees the whole trace), narrowed by the rule's filter and sample, become
 * jobs. Enqueueing is idempotent (unique rule + trace), so matchers in
 * several processes may pass the same rule; the watermark only moves
 * forward. Spans that arrive more than the settle time after their trace
 * ended are not matched: the watermark has passed them.
 */
import { type OnlineEvalRule, parseFilter } from '@assay/core'
import {
  type AssayDb,
  advanceRuleWatermark,
  type ClickHouse,
  enqueueJobs,
  listEnabledRules,
  listSettledTraces,
  matchingTraceIds,
  type SettledTrace,
} from '@assay/store'
import { inSample } from './sample.js'

export interface MatcherOptions {
  db: AssayDb
  clickhouse: ClickHouse
  settleMs: number
  /** Settled traces read per query. */
  pageSize?: number
  /** Pages per rule per pass; the rest waits for the next pass (the watermark stops at the last page). */
  maxPages?: number
  now?: () => number
  onRuleError?: (rule: OnlineEvalRule, error: unknown) => void
}

const NS_PER_MS = 1_000_000n

/** One pass over every enabled rule; returns how many new jobs were queued. */
export async function matchOnce(options: MatcherOptions): Promise<number> {
  let queued = 0
  for (const rule of await listEnabledRules(options.db)) {
    try {
      queued += await matchRule(options, rule)
    } catch (error) {
      // One rule's failure (a filter the parser now refuses, a read error) must not stop the others.
      options.onRuleError?.(rule, error)
    }
  }
  return queued
}

export async function matchRule(options: MatcherOptions, rule: OnlineEvalRule): Promise<number> {
  const pageSize = options.pageSize ?? 500
  const maxPages = options.maxPages ?? 20
  const settledMs = (options.now ?? Date.now)() - options.settleMs
  const fromMs = rule.matchedUntil ?? rule.createdAt
  if (settledMs <= fromMs) return 0
  const filter = rule.filter.trim() === '' ? undefined : parseFilter(rule.filter)
  const range = {
    projectId: rule.projectId,
    from: nanos(fromMs),
    settledBefore: nanos(settledMs),
    limit: pageSize,
  }
  let after: SettledTrace | undefined
  let queued = 0
  for (let page = 0; page < maxPages; page++) {
    const traces = await listSettledTraces(options.clickhouse, {
      ...range,
      after: after && { endNs: after.end_ns, traceId: after.trace_id },
    })
    const sampled = traces.filter((t) => inSample(rule.id, t.trace_id, rule.sampleRate))
    const matching = filter
      ? await matchingTraceIds(options.clickhouse, { projectId: rule.projectId, traces: sampled, filter })
      : new Set(sampled.map((t) => t.trace_id))
    queued += await enqueueJobs(
      options.db,
      [...matching].map((traceId) => ({ projectId: rule.projectId, ruleId: rule.id, traceId })),
    )
    if (traces.length < pageSize) {
      await advanceRuleWatermark(options.db, rule.id, new Date(settledMs))
      return queued
    }
    after = traces.at(-1)
  }
  // Out of pages this pass: resume at the last trace seen (its millisecond again; enqueueing is idempotent).
  await advanceRuleWatermark(options.db, rule.id, new Date(Number(BigInt(after!.end_ns) / NS_PER_MS)))
  return queued
}

const nanos = (ms: number) => (BigInt(Math.floor(ms)) * NS_PER_MS).toString()
