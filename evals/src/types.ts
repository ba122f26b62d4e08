/**
 * The contract between the parts of `@assay/evals`: what a scorer is
 * given, what it returns, and how the runner, `assay eval` and the online
 * worker call it. Judges (LLM) and code scorers implement the same
 * `Scorer` interface so a suite mixes them freely.
 */
import type { AssessmentValue, SpanRow } from '@assay/core'

/** A document a retriever span returned, as the groundedness judges read it. */
export interface RetrievedDocument {
  content: string
  id?: string
  score?: number
  metadata?: Record<string, unknown>
}

/** The spans of one trace, for `{{trace}}`, `{{context}}`, tool calls, latency and cost. */
export interface TraceView {
  traceId: string
  spans: SpanRow[]
}

/** Everything a scorer may look at for one item (a dataset row run through a task, or a stored trace). */
export interface EvalItem {
  /** The question / task input: a dataset item's `inputs`, or the root span's input. */
  inputs: unknown
  /** What the application answered: the task's return value, or the root span's output. */
  outputs: unknown
  /** Ground truth: a dataset item's `expectations` (e.g. `{ expected_response }`), if any. */
  expectations?: unknown
  /** Documents retrieved while producing the output (from RETRIEVER spans). */
  context?: RetrievedDocument[]
  /** The item's trace, when there is one. */
  trace?: TraceView
  /** Wall time of the task or the root span. */
  latencyMs?: number
  /** Cost of the task's own model calls (not the judges'). */
  costUsd?: number
}

/** Tokens and cost spent by judges on an item (never the application's own). */
export interface JudgeUsage {
  calls: number
  /** Calls answered from the on-disk cache (counted in `calls`, not in tokens or cost). */
  cachedCalls: number
  inputTokens: number
  outputTokens: number
  costUsd: number
}

export type ScorerKind = 'judge' | 'code'

/** One scorer's verdict on one item; becomes one assessment on the item's trace. */
export interface ScoreResult {
  /** The assessment name: the scorer's name. */
  name: string
  /** Null exactly when `error` is set. */
  value: AssessmentValue | null
  rationale: string
  /** Null when the scorer has no pass threshold or failed. */
  passed: boolean | null
  /** A judge that failed or answered garbage: the reason, never a silent score. */
  error: string | null
  sourceType: 'LLM_JUDGE' | 'CODE'
  /** What produced it, with its version: `judge:correctness@1`, `code:exact_match`. */
  sourceId: string
  /** Judges only. */
  usage?: JudgeUsage
  /** Judges only: the verdict label the model chose (`value` is its score). */
  label?: string
}

/**
 * How judges reach their model. Precedence: defaults < environment
 * (`ASSAY_JUDGE_MODEL`, `OPENAI_BASE_URL`, `OPENAI_API_KEY`,
 * `ASSAY_JUDGE_CACHE_DIR`) < `ScoreContext.judgeModel` (set by the runner
 * for a whole run) < the options given to the judge itself.
 */
export interface JudgeModelOptions {
  /** Default `ASSAY_JUDGE_MODEL`, else `gpt-4o-mini`. */
  model?: string
  /** Any OpenAI-compatible endpoint, ending in `/v1`. Default `OPENAI_BASE_URL`, else OpenAI's. */
  baseURL?: string
  /** Default `OPENAI_API_KEY`. */
  apiKey?: string
  /** Per model call (one attempt). Default 60,000. */
  timeoutMs?: number
  /** Attempts per judge call, the first included (429, 5xx, timeouts and connection errors are retried). Default 4. */
  maxAttempts?: number
  /** First backoff step; later ones double, with full jitter, up to 30 s. Default 500. */
  retryBaseDelayMs?: number
  /** On-disk judge cache directory; `null` turns caching off. Default `ASSAY_JUDGE_CACHE_DIR`, else off. */
  cacheDir?: string | null
  /** Wraps every model call (not cache hits), e.g. a concurrency bound shared by all judges of a run. */
  limiter?: <T>(fn: () => Promise<T>) => Promise<T>
}

export interface ScoreContext {
  /** Aborted when the run is cancelled. */
  signal?: AbortSignal
  /** Run-wide judge model options (cache, limiter, ...); a judge's own options win over them. */
  judgeModel?: JudgeModelOptions
}

export interface Scorer {
  name: string
  kind: ScorerKind
  /** Never throws for a bad item or a failed model call: returns a result with `error`. */
  score(item: EvalItem, context?: ScoreContext): Promise<ScoreResult>
}
