import type { JudgeChoice } from '@assay/core'
import { askStructured } from '../model/ask-structured.js'
import { resolveJudgeModelOptions } from '../model/resolve-options.js'
import type { JudgeModelOptions, JudgeUsage, ScoreContext, ScoreResult, Scorer } from '../types.js'
import { systemPrompt } from './system-prompt.js'
import { fillTemplate, type TemplateVariable, templateVariables } from './template.js'
import { templateValues } from './template-values.js'
import { readVerdict, verdictSchema } from './verdict.js'

export interface JudgeConfig {
  /** The assessment name of its results. */
  name: string
  /** Bump when the template, choices or threshold change: results and cache entries name it. */
  version: number
  /** The task, over `{{inputs}}`, `{{outputs}}`, `{{expectations}}`, `{{context}}`, `{{trace}}`, `{{tool_calls}}`, `{{guidelines}}`. */
  template: string
  /** Allowed verdicts and their scores, at least two. */
  choices: readonly JudgeChoice[]
  /** Scores at or above pass; null (default) for no pass/fail. */
  passThreshold?: number | null
  /** Overrides the model of the judge model options. */
  model?: string
  /** Extra chat-completion parameters, e.g. `{ temperature: 0, seed: 1 }`; `stream: true` streams the answer. */
  modelParams?: Record<string, unknown>
  /** Rules for `{{guidelines}}`. */
  guidelines?: readonly string[]
  /** The results' `sourceId`; default `judge:<name>@<version>`. */
  sourceId?: string
}

/** A judge is a scorer that also says what it is. */
export interface Judge extends Scorer {
  kind: 'judge'
  version: number
  template: string
  choices: readonly JudgeChoice[]
  passThreshold: number | null
  sourceId: string
}

/**
 * Defines an LLM judge: a versioned template sent to a model, answered with
 * a rationale and one of `choices`, whose score becomes the result's value.
 * A bad definition throws here; a bad item or a failed call becomes a
 * result with `error`.
 *
 * @example
 * const concise = defineJudge({
 *   name: 'concise', version: 1,
 *   template: 'Is this answer to <question>{{inputs}}</question> concise?\n<answer>{{outputs}}</answer>',
 *   choices: [{ label: 'yes', score: 1 }, { label: 'no', score: 0 }],
 *   passThreshold: 1,
 * })
 */
export function defineJudge(config: JudgeConfig, options?: JudgeModelOptions): Judge {
  const checked = checkJudgeConfig(config)
  const { name, version, template, choices, passThreshold, guidelines, variables, sourceId } = checked
  const labels = choices.map((c) => c.label)
  const output = verdictSchema(labels)
  const ownOptions: JudgeModelOptions = {
    ...options,
    ...(config.model !== undefined && { model: config.model }),
  }
  const modelParams = { ...config.modelParams }

  const result = (fields: Partial<ScoreResult> & { rationale: string }): ScoreResult => ({
    name,
    value: null,
    passed: null,
    error: null,
    sourceType: 'LLM_JUDGE',
    sourceId,
    ...fields,
  })
  const failure = (error: string, usage?: JudgeUsage) =>
    result({ rationale: '', error, ...(usage && { usage }) })

  async function score(item: Parameters<Scorer['score']>[0], context?: ScoreContext): Promise<ScoreResult> {
    const filled = templateValues(variables, item, guidelines)
    if (!filled.ok) return failure(`cannot judge: ${filled.missing}`)
    const resolved = resolveJudgeModelOptions([context?.judgeModel, ownOptions])
    const outcome = await askStructured({
      prompt: {
        model: resolved.model,
        messages: [
          { role: 'system', content: systemPrompt(choices) },
          { role: 'user', content: fillTemplate(template, filled.values) },
        ],
        output,
        params: modelParams,
      },
      scope: { judge: name, version, sourceId },
      options: resolved,
      ...(context?.signal && { signal: context.signal }),
      accept: (answer) => readVerdict(answer, labels),
    })
    if (!outcome.ok) return failure(outcome.error, outcome.usage)
    const { label, rationale } = outcome.value
    const value = choices.find((c) => c.label === label)!.score
    return result({
      value,
      label,
      rationale,
      passed: passThreshold === null ? null : value >= passThreshold,
      usage: outcome.usage,
    })
  }

  return {
    name,
    kind: 'judge',
    version,
    template,
    choices,
    passThreshold,
    sourceId,
    async score(item, context) {
      try {
        return await score(item, context)
      } catch (error) {
        return failure(`judge failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
  }
}

interface CheckedJudgeConfig {
  name: string
  version: number
  template: string
  choices: JudgeChoice[]
  passThreshold: number | null
  guidelines: string[]
  variables: TemplateVariable[]
  sourceId: string
}

/** Validates a judge definition; throws an `Error` naming the first problem. */
export function checkJudgeConfig(config: JudgeConfig): CheckedJudgeConfig {
  const fail = (problem: string): never => {
    throw new Error(`judge ${JSON.stringify(config?.name ?? '')}: ${problem}`)
  }
  if (typeof config.name !== 'string' || config.name.trim() === '') fail('name must be a non-empty string')
  if (!Number.isInteger(config.version) || config.version < 1) fail('version must be an integer >= 1')
  if (typeof config.template !== 'string' || config.template.trim() === '') fail('template must not be empty')
  let variables: TemplateVariable[] = []
  try {
    variables = templateVariables(config.template)
  } catch (error) {
    fail((error as Error).message)
  }
  if (variables.length === 0) fail('template uses no variable, so it cannot see the item')
  const choices = [...(config.choices ?? [])].map((c) => ({ label: c.label, score: c.score }))
  if (choices.length < 2) fail('needs at least two choices')
  for (const choice of choices) {
    if (typeof choice.label !== 'string' || choice.label.trim() === '')
      fail('choice labels must be non-empty')
    if (!Number.isFinite(choice.score)) fail(`choice ${choice.label} needs a finite score`)
  }
  if (new Set(choices.map((c) => c.label)).size !== choices.length) fail('choice labels must be unique')
  const passThreshold = config.passThreshold ?? null
  if (passThreshold !== null && !Number.isFinite(passThreshold)) fail('passThreshold must be a finite number')
  const guidelines = [...(config.guidelines ?? [])]
  if (guidelines.some((rule) => typeof rule !== 'string' || rule.trim() === '')) {
    fail('guidelines must be non-empty strings')
  }
  if (variables.includes('guidelines') && guidelines.length === 0)
    fail('template uses {{guidelines}} but none are given')
  const modelParams = config.modelParams
  if (
    modelParams !== undefined &&
    (typeof modelParams !== 'object' || modelParams === null || Array.isArray(modelParams))
  ) {
    fail('modelParams must be an object')
  }
  return {
    name: config.name,
    version: config.version,
    template: config.template,
    choices,
    passThreshold,
    guidelines,
    variables,
    sourceId: config.sourceId ?? `judge:${config.name}@${config.version}`,
  }
}
