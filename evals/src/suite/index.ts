// Suite files for `assay eval`: loading, thresholds, baseline comparison, the verdict.
export { type BaselineComparison, compareWithBaseline, type ScorerDelta } from './baseline.js'
export { type LoadedSuite, loadSuite } from './load-suite.js'
export {
  isRegisteredRef,
  type RegisteredEvaluatorRef,
  registered,
  resolveSuiteScorers,
} from './registered-evaluator.js'
export { resolveBaseline } from './resolve-baseline.js'
export { resolveSuiteDataset } from './resolve-dataset.js'
export { defineSuite, type EvalSuite } from './suite-definition.js'
export { SuiteError } from './suite-error.js'
export {
  checkThresholds,
  type OverallThreshold,
  type ScorerThreshold,
  type Thresholds,
} from './thresholds.js'
export { judgeRun, type ScorerRow, type SuiteVerdict } from './verdict.js'
