/**
 * One item's way through a run: (task ->) trace -> scorers -> assessments.
 * Each step's failure stays with the item: a throwing task becomes an
 * error result per scorer, a trace that never lands a warning, an
 * assessment the API refuses a warning. Only the API being unreachable
 * while reading traces ends the run (it is thrown).
 */
import type { DatasetRow } from '../datasets/dataset-row.js'
import { evalItemFromTrace } from '../trace/eval-item-from-trace.js'
import type { EvalItem, ScoreContext, ScoreResult, Scorer } from '../types.js'
import { postAssessment } from './api/assessments.js'
import type { AssayApi } from './api/connection.js'
import { getTraceSpans } from './api/traces.js'
import { callTask } from './call-task.js'
import type { Limiter } from './limiter.js'
import type { EvalTask, ItemResult } from './run-types.js'
import { failedScore, messageOf } from './safe-score.js'
import { scoreItem } from './score-item.js'
import type { TraceGate } from './trace-gate.js'

export interface PipelineDeps {
  scorers: Scorer[]
  context: ScoreContext
  api: AssayApi | undefined
  runId: string | undefined
  warn(message: string): void
}

export interface TaskStage {
  task: EvalTask
  taskLimiter: Limiter
  gate: TraceGate | undefined
  spanName: string
  traceTimeoutMs: number
}

/** A dataset row through the task, then scored. */
export async function runRowItem(
  row: DatasetRow,
  index: number,
  stage: TaskStage,
  deps: PipelineDeps,
): Promise<ItemResult> {
  const outcome = await stage.taskLimiter(() =>
    callTask(stage.task, row, { spanName: stage.spanName, runId: deps.runId }),
  )
  let item: EvalItem = { inputs: row.inputs, outputs: outcome.outputs, latencyMs: outcome.latencyMs }
  if (row.expectations !== undefined) item.expectations = row.expectations
  let traceId = outcome.traceId ?? null
  if (stage.gate && traceId) {
    const spans = await stage.gate.wait(traceId)
    if (spans) {
      // The trace adds what only it knows (retrieved documents, the task's model cost);
      // inputs, outputs and latency are the runner's own, unserialized.
      const fromTrace = evalItemFromTrace({ traceId, spans })
      item = { ...fromTrace, ...item }
    } else {
      deps.warn(
        `item ${row.id ?? index + 1}: trace ${traceId} was not readable within ${stage.traceTimeoutMs} ms; its scores are not recorded`,
      )
      traceId = null
    }
  }
  return finishItem(item, index, row.id ?? String(index + 1), traceId, outcome.error, deps)
}

/** A stored trace, scored as it is. */
export async function runTraceItem(
  traceId: string,
  index: number,
  api: AssayApi,
  deps: PipelineDeps,
): Promise<ItemResult> {
  const spans = await getTraceSpans(api, traceId)
  if (!spans) {
    deps.warn(`trace ${traceId} disappeared before it was scored`)
    const item: EvalItem = { inputs: undefined, outputs: undefined }
    return finishItem(item, index, traceId, null, `trace ${traceId} not found`, deps)
  }
  return finishItem(evalItemFromTrace({ traceId, spans }), index, traceId, traceId, null, deps)
}

async function finishItem(
  item: EvalItem,
  index: number,
  id: string,
  traceId: string | null,
  error: string | null,
  deps: PipelineDeps,
): Promise<ItemResult> {
  const scores: ScoreResult[] = error
    ? deps.scorers.map((scorer) => failedScore(scorer, error))
    : await scoreItem(item, deps.scorers, deps.context)
  if (deps.api && traceId) await record(deps.api, traceId, scores, deps)
  return { index, id, traceId, item, error, scores }
}

async function record(api: AssayApi, traceId: string, scores: ScoreResult[], deps: PipelineDeps) {
  await Promise.all(
    scores.map((score) =>
      postAssessment(api, traceId, deps.runId, score).catch((error: unknown) =>
        deps.warn(`assessment ${score.name} on trace ${traceId} not recorded: ${messageOf(error)}`),
      ),
    ),
  )
}
