/**
 * `runEvaluation`: a dataset pushed through a task, or stored traces, each
 * item scored by every scorer; results recorded as assessments on each
 * item's trace and the run as an evaluation run with its summary.
 *
 * Concurrency: at most `concurrency` task calls and `concurrency` judge
 * model calls in flight (one limiter shared by every judge of every item),
 * and a window of items in flight wide enough that judges always have the
 * next item's calls waiting.
 *
 * @example
 * const result = await runEvaluation({
 *   dataset: await loadDatasetFile('qa.jsonl'),
 *   task: (inputs) => answer(inputs),
 *   scorers: [scorers.exactMatch(), judges.correctness()],
 *   assay: { url: 'http://localhost:4318' },
 *   concurrency: 16,
 * })
 */
import { setActiveModel } from '@assay/sdk'
import type { DatasetRow, LoadedDataset } from '../datasets/dataset-row.js'
import type { ScoreContext } from '../types.js'
import { type AssayApi, connectAssay } from './api/connection.js'
import { findTraceIds } from './api/traces.js'
import { type PipelineDeps, runRowItem, runTraceItem, type TaskStage } from './item-pipeline.js'
import { createLimiter } from './limiter.js'
import { completeRunRecord, failRunRecord, openRunRecord } from './run-record.js'
import type { EvaluationResult, ItemResult, RunEvaluationOptions } from './run-types.js'
import { messageOf } from './safe-score.js'
import { summarize } from './summarize.js'
import { createTraceGate } from './trace-gate.js'
import { startTracing, type Tracing } from './tracing.js'
import { validateRunOptions } from './validate-options.js'

const DEFAULT_CONCURRENCY = 8
/** Items in flight per unit of concurrency: enough that the judge queue never runs dry. */
const WINDOW_PER_SLOT = 4

export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationResult> {
  validateRunOptions(options)
  const started = performance.now()
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY
  const name = options.name ?? 'evaluation'
  const api = options.assay ? connectAssay(options.assay) : undefined
  const dataset = normalizeDataset(options.dataset)
  const tracing = api && options.task ? startTracing(api.connection, name) : undefined
  const loggedModelId = await resolveModel(options, tracing)
  const warnings: string[] = []
  const judgeLimiter = createLimiter(concurrency)
  const context: ScoreContext = {
    signal: options.signal,
    judgeModel: { ...options.judgeModel, limiter: judgeLimiter },
  }

  let runId: string | undefined
  if (api) {
    runId = await openRunRecord(api, {
      name,
      datasetId: dataset?.datasetId ?? null,
      datasetVersion: dataset?.datasetVersion ?? null,
      loggedModelId,
      config: {
        ...options.config,
        concurrency,
        scorers: options.scorers.map((s) => ({ name: s.name, kind: s.kind })),
        source: dataset?.source ?? `traces:${options.traces?.filter ?? ''}`,
      },
    })
  }
  try {
    const deps: PipelineDeps = {
      scorers: options.scorers,
      context,
      api,
      runId,
      warn: (message) => warnings.push(message),
    }
    const items = dataset
      ? await runRows(dataset.rows, options, deps, api, tracing, concurrency)
      : await runTraces(options, deps, api!, concurrency)
    await tracing?.flush()
    const summary = summarize(items, options.scorers, performance.now() - started)
    if (api && runId) await completeRunRecord(api, runId, summary)
    return {
      runId: runId ?? null,
      name,
      datasetId: dataset?.datasetId ?? null,
      datasetVersion: dataset?.datasetVersion ?? null,
      loggedModelId,
      items,
      summary,
      warnings,
    }
  } catch (error) {
    if (api && runId) await failRunRecord(api, runId, messageOf(error))
    throw error
  }
}

function runRows(
  rows: DatasetRow[],
  options: RunEvaluationOptions,
  deps: PipelineDeps,
  api: AssayApi | undefined,
  tracing: Tracing | undefined,
  concurrency: number,
): Promise<ItemResult[]> {
  const traceTimeoutMs = options.traceTimeoutMs ?? 30_000
  const stage: TaskStage = {
    task: options.task!,
    taskLimiter: createLimiter(concurrency),
    gate:
      api && tracing ? createTraceGate(api, { flush: tracing.flush, timeoutMs: traceTimeoutMs }) : undefined,
    spanName: options.name ?? 'evaluation',
    traceTimeoutMs,
  }
  return runWindowed(rows, concurrency, options, (row, index) => runRowItem(row, index, stage, deps))
}

async function runTraces(
  options: RunEvaluationOptions,
  deps: PipelineDeps,
  api: AssayApi,
  concurrency: number,
): Promise<ItemResult[]> {
  const ids = await findTraceIds(api, options.traces!)
  return runWindowed(ids, concurrency, options, (id, index) => runTraceItem(id, index, api, deps))
}

/** Runs every input with at most `concurrency × WINDOW_PER_SLOT` items in flight, reporting progress. */
async function runWindowed<T>(
  inputs: T[],
  concurrency: number,
  options: RunEvaluationOptions,
  run: (input: T, index: number) => Promise<ItemResult>,
): Promise<ItemResult[]> {
  const window = createLimiter(concurrency * WINDOW_PER_SLOT)
  const results: ItemResult[] = new Array(inputs.length)
  let done = 0
  let itemErrors = 0
  await Promise.all(
    inputs.map((input, index) =>
      window(async () => {
        const item = await run(input, index)
        results[index] = item
        done++
        if (item.error) itemErrors++
        options.onProgress?.({ done, total: inputs.length, itemErrors, item })
      }),
    ),
  )
  return results
}

function normalizeDataset(dataset: RunEvaluationOptions['dataset']): LoadedDataset | undefined {
  if (!dataset) return undefined
  if (Array.isArray(dataset)) return { rows: dataset, source: 'inline' }
  return dataset
}

/** The run's LoggedModel: given by id, or found/created by name and stamped on the task's spans. */
async function resolveModel(
  options: RunEvaluationOptions,
  tracing: Tracing | undefined,
): Promise<string | null> {
  if (options.loggedModelId) return options.loggedModelId
  if (!options.model || !tracing) return null
  const ref = await setActiveModel({ name: options.model.name, params: options.model.params })
  if (!ref) throw new Error(`could not find or create the LoggedModel '${options.model.name}'`)
  return ref.id
}
