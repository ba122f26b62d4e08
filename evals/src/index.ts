// @assay/evals: LLM judges, code scorers, judge calibration and the runner
// behind `assay eval` and online evaluation. See docs/evals.md.
export type * from './types.js'
