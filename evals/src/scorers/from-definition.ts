import { type CodeScorerDefinition, EvaluatorDefinition, type JudgeDefinition } from '@assay/core'
import { BUILTIN_JUDGE_SPECS } from '../judges/builtin/index.js'
import { defineJudge } from '../judges/define-judge.js'
import type { JudgeModelOptions, ScoreResult, Scorer } from '../types.js'
import { contains } from './contains.js'
import { exactMatch } from './exact-match.js'
import { jsonSchema } from './json-schema.js'
import { cost, latency } from './limits.js'
import { numericTolerance } from './numeric-tolerance.js'
import { regex } from './regex.js'
import { similarity } from './similarity.js'
import { validJson } from './valid-json.js'

/** A saved evaluator version, as the registry stores it. */
export interface EvaluatorRef {
  name: string
  version: number
  definition: EvaluatorDefinition
}

/**
 * The scorer for an evaluator saved in the registry (online evaluation,
 * `assay eval` with registered evaluators). Results are named after the
 * evaluator and carry `judge:<name>@<version>` or `code:<name>@<version>`
 * as their source, so every score leads back to the exact definition.
 *
 * Never throws: a definition that cannot be built (unknown built-in,
 * invalid regex or schema, a template with an unknown variable) gives a
 * scorer whose every result is an error saying why. Use
 * `checkEvaluatorDefinition` to reject such a definition when it is saved.
 *
 * - `{ type: 'judge', builtin: 'groundedness', ... }`: the built-in's
 *   template and choices; the definition's `passThreshold` (when not null),
 *   `guidelines`, `model` and `modelParams` apply; its `template` and
 *   `choices` are ignored.
 * - `{ type: 'judge', builtin: null, template, choices, ... }`: a custom judge.
 * - `{ type: 'code', scorer: 'exact_match', params }`: see `CODE_SCORER_PARAMS`.
 */
export function scorerFromDefinition(evaluator: EvaluatorRef, options?: JudgeModelOptions): Scorer {
  const kind = evaluator?.definition?.type === 'code' ? 'code' : 'judge'
  const sourceId = `${kind}:${evaluator?.name}@${evaluator?.version}`
  try {
    return buildScorer(evaluator, options, sourceId)
  } catch (error) {
    return invalidScorer(String(evaluator?.name ?? ''), kind, sourceId, (error as Error).message)
  }
}

/** Why a definition cannot be built into a scorer, or null when it can. */
export function checkEvaluatorDefinition(evaluator: EvaluatorRef): string | null {
  try {
    buildScorer(evaluator, undefined, '')
    return null
  } catch (error) {
    return (error as Error).message
  }
}

function buildScorer(
  evaluator: EvaluatorRef,
  options: JudgeModelOptions | undefined,
  sourceId: string,
): Scorer {
  if (typeof evaluator?.name !== 'string' || evaluator.name === '')
    throw new Error('the evaluator has no name')
  if (!Number.isInteger(evaluator.version) || evaluator.version < 1) {
    throw new Error('the evaluator version must be an integer >= 1')
  }
  const parsed = EvaluatorDefinition.safeParse(evaluator.definition)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`invalid definition at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`)
  }
  const definition = parsed.data
  return definition.type === 'judge'
    ? judgeScorer(evaluator, definition, options, sourceId)
    : withSource(codeScorer(evaluator.name, definition), sourceId)
}

function judgeScorer(
  evaluator: EvaluatorRef,
  definition: JudgeDefinition,
  options: JudgeModelOptions | undefined,
  sourceId: string,
): Scorer {
  const shared = {
    name: evaluator.name,
    version: evaluator.version,
    guidelines: definition.guidelines,
    modelParams: definition.modelParams,
    ...(definition.model !== null && { model: definition.model }),
    ...(sourceId && { sourceId }),
  }
  if (definition.builtin === null) {
    return defineJudge(
      {
        ...shared,
        template: definition.template,
        choices: definition.choices,
        passThreshold: definition.passThreshold,
      },
      options,
    )
  }
  const key = definition.builtin.replace(
    /[A-Z]/g,
    (c) => `_${c.toLowerCase()}`,
  ) as keyof typeof BUILTIN_JUDGE_SPECS
  const spec = Object.hasOwn(BUILTIN_JUDGE_SPECS, key) ? BUILTIN_JUDGE_SPECS[key] : undefined
  if (!spec) {
    throw new Error(
      `unknown built-in judge "${definition.builtin}"; known: ${Object.keys(BUILTIN_JUDGE_SPECS).join(', ')}`,
    )
  }
  return defineJudge(
    {
      ...shared,
      template: spec.template,
      choices: spec.choices,
      passThreshold: definition.passThreshold ?? spec.passThreshold,
    },
    options,
  )
}

/** The parameters each code scorer accepts in a stored definition. */
export const CODE_SCORER_PARAMS: Record<string, readonly string[]> = {
  exact_match: ['expected', 'ignoreCase', 'trim'],
  contains: ['value', 'ignoreCase', 'mode'],
  regex: ['pattern', 'flags', 'shouldMatch'],
  valid_json: [],
  json_schema: ['schema'],
  numeric_tolerance: ['expected', 'tolerance', 'relative'],
  similarity: ['expected', 'threshold', 'ignoreCase'],
  latency: ['maxMs'],
  cost: ['maxUsd'],
}

function codeScorer(name: string, definition: CodeScorerDefinition): Scorer {
  const { scorer, params } = definition
  const allowed = Object.hasOwn(CODE_SCORER_PARAMS, scorer) ? CODE_SCORER_PARAMS[scorer] : undefined
  if (!allowed) {
    throw new Error(`unknown code scorer "${scorer}"; known: ${Object.keys(CODE_SCORER_PARAMS).join(', ')}`)
  }
  const unknown = Object.keys(params).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) {
    throw new Error(
      `${scorer} does not take ${unknown.join(', ')}; it takes: ${allowed.join(', ') || 'nothing'}`,
    )
  }
  // The factories validate their options at run time; stored params are only known to be an object.
  const p = { ...params, name }
  switch (scorer) {
    case 'exact_match':
      return exactMatch(p as Parameters<typeof exactMatch>[0])
    case 'contains':
      return contains(p as Parameters<typeof contains>[0])
    case 'regex':
      if (typeof params.pattern !== 'string') throw new Error('regex needs a pattern (a string)')
      return regex(params.pattern, p as Parameters<typeof regex>[1])
    case 'valid_json':
      return validJson({ name })
    case 'json_schema':
      return jsonSchema(params.schema as Parameters<typeof jsonSchema>[0], { name })
    case 'numeric_tolerance':
      return numericTolerance(p as Parameters<typeof numericTolerance>[0])
    case 'similarity':
      return similarity(p as Parameters<typeof similarity>[0])
    case 'latency':
      return latency(p as Parameters<typeof latency>[0])
    default:
      return cost(p as Parameters<typeof cost>[0])
  }
}

function withSource(scorer: Scorer, sourceId: string): Scorer {
  return {
    ...scorer,
    score: async (item, context) => ({ ...(await scorer.score(item, context)), sourceId }),
  }
}

function invalidScorer(name: string, kind: 'judge' | 'code', sourceId: string, problem: string): Scorer {
  const result: ScoreResult = {
    name,
    value: null,
    rationale: '',
    passed: null,
    error: `invalid evaluator definition: ${problem}`,
    sourceType: kind === 'judge' ? 'LLM_JUDGE' : 'CODE',
    sourceId,
  }
  return { name, kind, score: async () => ({ ...result }) }
}
