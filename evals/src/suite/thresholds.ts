/**
 * Thresholds: per scorer a minimum mean and/or pass rate (and optionally a
 * maximum error rate), plus `overall` for the share of items that passed
 * every scorer. A scorer named in thresholds but absent from the run is a
 * configuration error, caught when the suite loads.
 */
import type { RunSummary } from '../runner/run-types.js'

export interface ScorerThreshold {
  minMean?: number
  minPassRate?: number
  /** Errors (failed judges, failed tasks) over scored items. */
  maxErrorRate?: number
}

export interface OverallThreshold {
  minPassRate?: number
  maxErrorRate?: number
}

/** Scorer name -> its threshold; `overall` is reserved for the whole run. */
export type Thresholds = { overall?: OverallThreshold } & Record<string, ScorerThreshold | undefined>

export interface ThresholdFailure {
  /** A scorer's name, or `overall`. */
  scope: string
  message: string
}

export function checkThresholds(summary: RunSummary, thresholds: Thresholds): ThresholdFailure[] {
  const failures: ThresholdFailure[] = []
  for (const [scope, threshold] of Object.entries(thresholds)) {
    if (!threshold) continue
    if (scope === 'overall') {
      const overall = threshold as OverallThreshold
      const errorRate = summary.itemCount ? summary.itemErrorCount / summary.itemCount : 0
      below(failures, scope, 'pass rate', summary.passRate, overall.minPassRate)
      above(failures, scope, 'item error rate', errorRate, overall.maxErrorRate)
      continue
    }
    const stats = summary.scorers[scope]
    if (!stats) continue
    const t = threshold as ScorerThreshold
    below(failures, scope, 'mean', stats.mean, t.minMean)
    below(failures, scope, 'pass rate', stats.passRate, t.minPassRate)
    above(failures, scope, 'error rate', stats.count ? stats.errorCount / stats.count : 0, t.maxErrorRate)
  }
  return failures
}

function below(out: ThresholdFailure[], scope: string, what: string, actual: number | null, min?: number) {
  if (min === undefined) return
  if (actual === null) out.push({ scope, message: `${what} has no value; threshold ${fmt(min)}` })
  else if (actual < min) out.push({ scope, message: `${what} ${fmt(actual)} < ${fmt(min)}` })
}

function above(out: ThresholdFailure[], scope: string, what: string, actual: number, max?: number) {
  if (max !== undefined && actual > max) out.push({ scope, message: `${what} ${fmt(actual)} > ${fmt(max)}` })
}

export function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3)
}
