// The evaluation runner: datasets or stored traces, scored with bounded concurrency, recorded in Assay.
export { AssayApiError } from './api/api-error.js'
export { type AssayApi, type AssayConnection, connectAssay } from './api/connection.js'
export { findModelByName, latestCompletedRun } from './api/models.js'
export { getRun } from './api/runs.js'
export type { TraceQuery } from './api/traces.js'
export { createLimiter, type Limiter } from './limiter.js'
export { runEvaluation } from './run-evaluation.js'
export type {
  EvalTask,
  EvaluationResult,
  ItemResult,
  ModelRef,
  RunEvaluationOptions,
  RunProgress,
  RunSummary,
  ScorerStats,
} from './run-types.js'
export { startTracing, type Tracing } from './tracing.js'
