import type { Judge } from '../define-judge.js'
import { type BuiltinJudgeOptions, builtinJudge } from './builtin-judge.js'
import { correctnessSpec } from './correctness.js'
import { groundednessSpec } from './groundedness.js'
import { guidelinesSpec } from './guidelines.js'
import { relevanceSpec } from './relevance.js'
import { retrievalRelevanceSpec } from './retrieval-relevance.js'
import { safetySpec } from './safety.js'
import { toolCallCorrectnessSpec } from './tool-call-correctness.js'

export type { BuiltinJudgeOptions, BuiltinJudgeSpec } from './builtin-judge.js'

/**
 * The built-in judges, each a function returning a fresh `Judge`.
 *
 * @example
 * const scorers = [judges.correctness(), judges.guidelines(['Answer in French.'], { model: 'gpt-4o' })]
 */
export const judges = {
  correctness: (options?: BuiltinJudgeOptions): Judge => builtinJudge(correctnessSpec, options),
  relevance: (options?: BuiltinJudgeOptions): Judge => builtinJudge(relevanceSpec, options),
  groundedness: (options?: BuiltinJudgeOptions): Judge => builtinJudge(groundednessSpec, options),
  retrievalRelevance: (options?: BuiltinJudgeOptions): Judge => builtinJudge(retrievalRelevanceSpec, options),
  safety: (options?: BuiltinJudgeOptions): Judge => builtinJudge(safetySpec, options),
  guidelines: (rules: readonly string[], options?: BuiltinJudgeOptions): Judge =>
    builtinJudge(guidelinesSpec, options, rules),
  toolCallCorrectness: (options?: BuiltinJudgeOptions): Judge =>
    builtinJudge(toolCallCorrectnessSpec, options),
}

/** Built-in specs by the name a stored evaluator definition uses (`builtin: 'retrieval_relevance'`). */
export const BUILTIN_JUDGE_SPECS = {
  correctness: correctnessSpec,
  relevance: relevanceSpec,
  groundedness: groundednessSpec,
  retrieval_relevance: retrievalRelevanceSpec,
  safety: safetySpec,
  guidelines: guidelinesSpec,
  tool_call_correctness: toolCallCorrectnessSpec,
} as const satisfies Record<string, import('./builtin-judge.js').BuiltinJudgeSpec>
