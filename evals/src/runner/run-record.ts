/**
 * The evaluation run as a record on the server: created `running` when the
 * run starts (linked to its dataset version and LoggedModel), then patched
 * `completed` with the summary, or `failed` with the error that stopped it.
 */
import type { EvaluationRunSummary } from '@assay/core'
import type { AssayApi } from './api/connection.js'
import { createRun, updateRun } from './api/runs.js'
import type { RunSummary } from './run-types.js'

export interface RunLinks {
  name: string
  datasetId: string | null
  datasetVersion: number | null
  loggedModelId: string | null
  config: Record<string, unknown>
}

export async function openRunRecord(api: AssayApi, links: RunLinks): Promise<string> {
  const run = await createRun(api, { ...links, status: 'running' })
  return run.id
}

export async function completeRunRecord(api: AssayApi, runId: string, summary: RunSummary): Promise<void> {
  await updateRun(api, runId, { status: 'completed', summary: storedSummary(summary) })
}

/** Best effort: the run already failed, and that error is the one to report. */
export async function failRunRecord(api: AssayApi, runId: string, error: string): Promise<void> {
  await updateRun(api, runId, { status: 'failed', error }).catch(() => undefined)
}

/** The stored summary: scorer aggregates and what the judges used and cost. */
export function storedSummary(summary: RunSummary): EvaluationRunSummary {
  const scorers: EvaluationRunSummary['scorers'] = {}
  for (const [name, s] of Object.entries(summary.scorers)) {
    scorers[name] = { count: s.count, errorCount: s.errorCount, mean: s.mean, passRate: s.passRate }
  }
  return {
    itemCount: summary.itemCount,
    scorers,
    costUsd: summary.judge.costUsd,
    judgeUsage: {
      calls: summary.judge.calls,
      cachedCalls: summary.judge.cachedCalls,
      inputTokens: summary.judge.inputTokens,
      outputTokens: summary.judge.outputTokens,
    },
    durationMs: Math.round(summary.durationMs),
  }
}
