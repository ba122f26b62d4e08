// LLM judges: define your own, or use the built-ins.
export {
  BUILTIN_JUDGE_SPECS,
  type BuiltinJudgeOptions,
  type BuiltinJudgeSpec,
  judges,
} from './builtin/index.js'
export { checkJudgeConfig, defineJudge, type Judge, type JudgeConfig } from './define-judge.js'
export { TEMPLATE_VARIABLES, type TemplateVariable } from './template.js'
export { readVerdict, type Verdict, verdictSchema } from './verdict.js'
