/**
 * A run's summary: per scorer the count, errors, mean and pass rate; the
 * share of items that passed every scorer; what the judges cost.
 *
 * Means cover the values there are (numbers, booleans as 0/1; categories
 * have none). Pass rates count an error as a failure: a run whose task
 * throws on half the items must not pass a pass-rate threshold on the
 * other half.
 */
import type { JudgeUsage, Scorer } from '../types.js'
import type { ItemResult, RunSummary, ScorerStats } from './run-types.js'

export function summarize(items: ItemResult[], scorers: Scorer[], durationMs: number): RunSummary {
  const stats: Record<string, ScorerStats> = {}
  const judge: JudgeUsage = { calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 }
  for (const scorer of scorers) {
    const results = items.flatMap((i) => i.scores.filter((s) => s.name === scorer.name))
    const values = results
      .map((r) => (typeof r.value === 'boolean' ? Number(r.value) : r.value))
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    const decided = results.filter((r) => r.passed !== null || r.error !== null)
    stats[scorer.name] = {
      kind: scorer.kind,
      count: results.length,
      errorCount: results.filter((r) => r.error !== null).length,
      mean: values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null,
      passRate: decided.some((r) => r.passed !== null)
        ? decided.filter((r) => r.passed === true).length / decided.length
        : null,
    }
  }
  for (const item of items) {
    for (const score of item.scores) {
      if (!score.usage) continue
      judge.calls += score.usage.calls
      judge.cachedCalls += score.usage.cachedCalls
      judge.inputTokens += score.usage.inputTokens
      judge.outputTokens += score.usage.outputTokens
      judge.costUsd += score.usage.costUsd
    }
  }
  return {
    itemCount: items.length,
    itemErrorCount: items.filter((i) => i.error !== null).length,
    scorers: stats,
    passRate: overallPassRate(items),
    judge,
    durationMs,
  }
}

function overallPassRate(items: ItemResult[]): number | null {
  const judged = items.filter((i) => i.error !== null || i.scores.some((s) => s.passed !== null || s.error))
  if (judged.length === 0) return null
  const passed = judged.filter(
    (i) => i.error === null && i.scores.every((s) => s.error === null && s.passed !== false),
  )
  return passed.length / judged.length
}
