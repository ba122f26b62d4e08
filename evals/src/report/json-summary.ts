/** The machine-readable summary `assay eval --json` prints: verdict, metrics, failures, and per-item scores. */
import type { EvaluationResult } from '../runner/run-types.js'
import type { SuiteVerdict } from '../suite/verdict.js'

export function jsonSummary(result: EvaluationResult, verdict: SuiteVerdict) {
  return {
    name: result.name,
    passed: verdict.passed,
    runId: result.runId,
    datasetId: result.datasetId,
    datasetVersion: result.datasetVersion,
    loggedModelId: result.loggedModelId,
    summary: result.summary,
    thresholds: Object.fromEntries(verdict.scorers.map((r) => [r.name, r.threshold ?? null])),
    baseline: verdict.baseline ?? null,
    failures: verdict.failures,
    warnings: result.warnings,
    items: result.items.map((i) => ({
      id: i.id,
      traceId: i.traceId,
      error: i.error,
      scores: Object.fromEntries(
        i.scores.map((s) => [
          s.name,
          { value: s.value, passed: s.passed, error: s.error, rationale: s.rationale },
        ]),
      ),
    })),
  }
}
