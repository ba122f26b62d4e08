/**
 * A suite file (`*.eval.ts`): what `assay eval` runs. It exports the
 * fields below, as named exports or as one default export (`defineSuite`
 * only helps the editor type it).
 *
 * @example
 * export default defineSuite({
 *   name: 'qa',
 *   dataset: './qa.jsonl',                 // or rows, or { registry: 'qa', version: 3 }
 *   task: async (inputs) => answer(inputs),
 *   scorers: [scorers.exactMatch(), judges.correctness()],
 *   thresholds: { correctness: { minPassRate: 0.8 }, overall: { minPassRate: 0.7 } },
 *   concurrency: 8,
 * })
 */
import type { DatasetRow } from '../datasets/dataset-row.js'
import type { RegistryDatasetRef } from '../datasets/load-registry.js'
import type { EvalTask, ModelRef } from '../runner/run-types.js'
import type { JudgeModelOptions, Scorer } from '../types.js'
import type { RegisteredEvaluatorRef } from './registered-evaluator.js'
import type { Thresholds } from './thresholds.js'

export interface EvalSuite {
  /** The run's name; default the file name without `.eval.ts`. */
  name?: string
  /** A JSONL/CSV file relative to the suite file, rows, or a registry dataset. */
  dataset: string | DatasetRow[] | RegistryDatasetRef
  task: EvalTask
  /** Scorers built in code, and evaluators registered through the API: `registered('tone')`. */
  scorers: (Scorer | RegisteredEvaluatorRef)[]
  thresholds?: Thresholds
  /** Judge and task calls in flight. Default 8. */
  concurrency?: number
  /** The LoggedModel this run evaluates (found or created by name and params). */
  model?: ModelRef
  /** Judge model settings for the whole run (the CLI sets the cache directory). */
  judgeModel?: Omit<JudgeModelOptions, 'limiter' | 'cacheDir'>
}

export function defineSuite(suite: EvalSuite): EvalSuite {
  return suite
}
