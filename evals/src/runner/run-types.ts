/** What `runEvaluation` takes and returns. */
import type { DatasetRow, LoadedDataset } from '../datasets/dataset-row.js'
import type { EvalItem, JudgeModelOptions, JudgeUsage, ScoreResult, Scorer } from '../types.js'
import type { AssayConnection } from './api/connection.js'
import type { TraceQuery } from './api/traces.js'

/** The user's function under evaluation: a dataset row's inputs in, the application's answer out. */
export type EvalTask = (inputs: unknown, row: DatasetRow) => unknown

export interface ModelRef {
  name: string
  params?: Record<string, string | number | boolean>
}

export interface RunEvaluationOptions {
  /** The run's name (the suite's). */
  name?: string
  /** Rows to push through `task`: loaded from a file, the registry, or given inline. */
  dataset?: LoadedDataset | DatasetRow[]
  task?: EvalTask
  /** Instead of a dataset and task: score existing traces that match. Needs `assay`. */
  traces?: TraceQuery
  scorers: Scorer[]
  /** Judge calls in flight across all items, and task calls in flight. Default 8. */
  concurrency?: number
  /** Run-wide judge model options (`cacheDir`, model, endpoint); the runner adds its shared limiter. */
  judgeModel?: Omit<JudgeModelOptions, 'limiter'>
  /** Where the traces, assessments and run record go. Without it the run only reports. */
  assay?: AssayConnection
  /** The LoggedModel the run evaluates: an id, or a name (found or created, and stamped on the task's spans). */
  loggedModelId?: string
  model?: ModelRef
  /** Recorded in the run's config (thresholds, suite path...). */
  config?: Record<string, unknown>
  /** How long to wait for an item's trace to become readable after the task. Default 30 s. */
  traceTimeoutMs?: number
  onProgress?: (progress: RunProgress) => void
  signal?: AbortSignal
}

export interface RunProgress {
  done: number
  total: number
  /** Items whose task failed or whose trace never arrived. */
  itemErrors: number
  /** The item just finished. */
  item: ItemResult
}

export interface ItemResult {
  index: number
  /** The dataset row's id, or the trace id when scoring traces. */
  id: string
  traceId: string | null
  item: EvalItem
  /** The task threw, or the trace could not be read: the scorers' results all carry this error. */
  error: string | null
  scores: ScoreResult[]
}

export interface ScorerStats {
  count: number
  errorCount: number
  mean: number | null
  passRate: number | null
  kind: Scorer['kind']
}

export interface RunSummary {
  itemCount: number
  itemErrorCount: number
  scorers: Record<string, ScorerStats>
  /** Items where every scorer passed (scorers without a pass decision are ignored); errors count as failures. */
  passRate: number | null
  judge: JudgeUsage
  durationMs: number
}

export interface EvaluationResult {
  /** The run record's id; null when nothing was recorded (no `assay`). */
  runId: string | null
  name: string
  datasetId: string | null
  datasetVersion: number | null
  loggedModelId: string | null
  items: ItemResult[]
  summary: RunSummary
  /** Problems that did not stop the run (an assessment the API refused...). */
  warnings: string[]
}
