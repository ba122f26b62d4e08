/**
 * The verdict of a suite run: thresholds and the baseline comparison
 * folded into one pass/fail, with per-scorer rows for the reports.
 */
import type { EvaluationResult, ScorerStats } from '../runner/run-types.js'
import type { BaselineComparison, ScorerDelta } from './baseline.js'
import {
  checkThresholds,
  type ScorerThreshold,
  type ThresholdFailure,
  type Thresholds,
} from './thresholds.js'

export interface ScorerRow {
  name: string
  stats: ScorerStats
  threshold: ScorerThreshold | undefined
  delta: ScorerDelta | undefined
  failures: string[]
}

export interface SuiteVerdict {
  passed: boolean
  scorers: ScorerRow[]
  /** Failures of the `overall` threshold. */
  overall: string[]
  baseline: BaselineComparison | undefined
  failures: ThresholdFailure[]
}

export function judgeRun(
  result: EvaluationResult,
  thresholds: Thresholds = {},
  baseline?: BaselineComparison,
): SuiteVerdict {
  const failures = [...checkThresholds(result.summary, thresholds), ...(baseline?.regressions ?? [])]
  const scorers = Object.entries(result.summary.scorers).map(([name, stats]) => ({
    name,
    stats,
    threshold: name === 'overall' ? undefined : (thresholds[name] as ScorerThreshold | undefined),
    delta: baseline?.deltas[name],
    failures: failures.filter((f) => f.scope === name).map((f) => f.message),
  }))
  return {
    passed: failures.length === 0,
    scorers,
    overall: failures.filter((f) => f.scope === 'overall').map((f) => f.message),
    baseline,
    failures,
  }
}
