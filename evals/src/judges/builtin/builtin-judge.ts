import type { JudgeChoice } from '@assay/core'
import type { JudgeModelOptions } from '../../types.js'
import { defineJudge, type Judge } from '../define-judge.js'

/** A built-in judge's fixed part. Bump `version` with any change to the template, choices or threshold. */
export interface BuiltinJudgeSpec {
  name: string
  version: number
  template: string
  choices: readonly JudgeChoice[]
  passThreshold: number | null
}

/** What a user may change on a built-in judge: its name, threshold, model and model parameters. */
export interface BuiltinJudgeOptions extends JudgeModelOptions {
  /** The assessment name; default the built-in's (`correctness`, ...). */
  name?: string
  passThreshold?: number | null
  modelParams?: Record<string, unknown>
}

export function builtinJudge(
  spec: BuiltinJudgeSpec,
  options: BuiltinJudgeOptions = {},
  guidelines: readonly string[] = [],
): Judge {
  const { name, passThreshold, modelParams, ...modelOptions } = options
  return defineJudge(
    {
      name: name ?? spec.name,
      version: spec.version,
      template: spec.template,
      choices: spec.choices,
      passThreshold: passThreshold === undefined ? spec.passThreshold : passThreshold,
      guidelines,
      ...(modelParams && { modelParams }),
    },
    modelOptions,
  )
}
