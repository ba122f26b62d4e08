/**
 * Comparison with a baseline run: per scorer present in both, the change
 * in mean and pass rate; a drop larger than the tolerance is a regression.
 * A scorer the baseline lacks is new, not a regression.
 */
import type { EvaluationRunSummary } from '@assay/core'
import type { RunSummary } from '../runner/run-types.js'
import { fmt, type ThresholdFailure } from './thresholds.js'

export interface ScorerDelta {
  mean: number | null
  passRate: number | null
}

export interface BaselineComparison {
  runId: string
  tolerance: number
  /** Scorer name -> current minus baseline (null where either side has no value). */
  deltas: Record<string, ScorerDelta>
  regressions: ThresholdFailure[]
}

export function compareWithBaseline(
  summary: RunSummary,
  baseline: { runId: string; summary: EvaluationRunSummary },
  tolerance: number,
): BaselineComparison {
  const deltas: Record<string, ScorerDelta> = {}
  const regressions: ThresholdFailure[] = []
  for (const [name, stats] of Object.entries(summary.scorers)) {
    const before = baseline.summary.scorers[name]
    if (!before) continue
    const delta: ScorerDelta = {
      mean: diff(stats.mean, before.mean),
      passRate: diff(stats.passRate, before.passRate),
    }
    deltas[name] = delta
    for (const metric of ['mean', 'passRate'] as const) {
      const d = delta[metric]
      if (d !== null && d < -tolerance) {
        const label = metric === 'mean' ? 'mean' : 'pass rate'
        regressions.push({
          scope: name,
          message: `${label} fell ${fmt(-d)} from baseline ${fmt(before[metric]!)} (tolerance ${fmt(tolerance)})`,
        })
      }
    }
  }
  return { runId: baseline.runId, tolerance, deltas, regressions }
}

function diff(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before
}
