/** Request and response bodies of the online-evaluation routes, as zod schemas (they make the OpenAPI document). */
// Core schemas exist before @hono/zod-openapi adds `.openapi`; `.extend({})` makes a copy that has it.
import { ONLINE_EVAL_JOB_STATUSES, OnlineEvalJob, OnlineEvalJobCounts, OnlineEvalRule } from '@assay/core'
import { z } from '@hono/zod-openapi'

export const RuleSchema = OnlineEvalRule.extend({}).openapi('OnlineEvalRule')
export const JobSchema = OnlineEvalJob.extend({}).openapi('OnlineEvalJob')

export const RuleWithCounts = RuleSchema.extend({ jobs: OnlineEvalJobCounts.extend({}) }).openapi(
  'OnlineEvalRuleDetail',
)

const RuleName = z.string().min(1).max(256).openapi({ example: 'helpfulness-10pct' })
const Filter = z
  .string()
  .max(10_000)
  .openapi({ description: 'The filter language; empty matches every trace', example: "span.kind = 'LLM'" })
// No example: the isolation test's sample must name the project's own evaluator (its marker).
const EvaluatorRef = z.string().min(1).max(256).openapi({ description: 'The evaluator’s name' })
const SampleRate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').openapi({
  description: 'Fraction of matching traces to score (decided per trace by a hash)',
  example: 0.1,
})
const EvaluatorVersion = z
  .number()
  .int()
  .positive()
  .nullable()
  .openapi({ description: 'A pinned version; null or absent follows the latest' })

export const NewRule = z
  .object({
    name: RuleName,
    filter: Filter.default(''),
    sampleRate: SampleRate.default(1),
    evaluator: EvaluatorRef,
    evaluatorVersion: EvaluatorVersion.optional(),
    enabled: z.boolean().default(true),
  })
  .openapi('NewOnlineEvalRule')

export const RulePatch = z
  .object({
    name: RuleName.optional(),
    filter: Filter.optional(),
    sampleRate: SampleRate.optional(),
    evaluator: EvaluatorRef.optional(),
    evaluatorVersion: EvaluatorVersion.optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('OnlineEvalRulePatch')

export const RuleIdParam = z
  .string()
  .min(1)
  .max(128)
  .openapi({ param: { name: 'ruleId', in: 'path' }, example: '0b6f3c2e-5d0a-4c8e-9a59-2f1f4c3d9e11' })

export const JobStatusParam = z.enum(ONLINE_EVAL_JOB_STATUSES).openapi({
  description: '`failed` lists the rule’s failures, with their last error and attempts',
})

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() })
