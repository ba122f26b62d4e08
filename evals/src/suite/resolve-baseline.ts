/**
 * `--baseline <run id | model name>`: a run by id, else the newest
 * completed run of the newest LoggedModel with that name. A baseline that
 * cannot be found, or has no summary, is a configuration error.
 */
import type { EvaluationRunSummary } from '@assay/core'
import type { AssayApi } from '../runner/api/connection.js'
import { findModelByName, latestCompletedRun } from '../runner/api/models.js'
import { getRun } from '../runner/api/runs.js'
import { SuiteError } from './suite-error.js'

export async function resolveBaseline(
  api: AssayApi,
  ref: string,
): Promise<{ runId: string; summary: EvaluationRunSummary }> {
  let run = await getRun(api, ref)
  if (!run) {
    const model = await findModelByName(api, ref)
    if (!model) throw new SuiteError(`--baseline ${ref}: no evaluation run or LoggedModel by that id or name`)
    run = await latestCompletedRun(api, model.id)
    if (!run) throw new SuiteError(`--baseline ${ref}: the LoggedModel has no completed evaluation run`)
  }
  if (!run.summary)
    throw new SuiteError(`--baseline ${ref}: run ${run.id} has no summary (status ${run.status})`)
  return { runId: run.id, summary: run.summary }
}
