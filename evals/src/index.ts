// @assay/evals: LLM judges, code scorers, judge calibration and the runner
// behind `assay eval` and online evaluation. See docs/evals.md (judges, code
// scorers, stored evaluators, traces as items, calibration) and docs/eval-cli.md.
// Calibration's statistics live in core, where the API's calibration route
// (which cannot depend on this package) computes them too: one implementation.
export {
  type Agreement,
  type AgreementOptions,
  agreementOf,
  type CalibrationInput,
  type CalibrationPair,
  type Confusion,
  pairsBySource,
} from '@assay/core'
// The runner, datasets, suites and reports (`assay eval`).
export * from './datasets/index.js'
export * from './judges/index.js'
export {
  addUsage,
  emptyUsage,
  JudgeCache,
  ModelCallError,
  resolveJudgeModelOptions,
  StructuredOutputSupport,
  structuredOutputSupport,
  sumUsage,
} from './model/index.js'
export * from './report/index.js'
export * from './runner/index.js'
export {
  CODE_SCORER_PARAMS,
  checkEvaluatorDefinition,
  type EvaluatorRef,
  scorerFromDefinition,
} from './scorers/from-definition.js'
export * from './scorers/index.js'
export * from './suite/index.js'
export * from './trace/index.js'
export type * from './types.js'
