/**
 * Online-evaluation rules: which new traces to score (a filter and a sample
 * rate) with which evaluator, and the jobs each rule made, so a rule's
 * failures (last error, attempts) can be read.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { error, ok } from '../evaluators/schemas.js'
import { CursorParam, LimitParam } from '../search/schemas.js'
import {
  JobSchema,
  JobStatusParam,
  NewRule,
  page,
  RuleIdParam,
  RulePatch,
  RuleSchema,
  RuleWithCounts,
} from './schemas.js'

const tags = ['online evaluation']
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})

export const createRuleRoute = createRoute({
  method: 'post',
  path: '/online-eval/rules',
  tags,
  summary: 'Create a rule: score a sample of new matching traces with an evaluator',
  description:
    'The filter is checked with the filter language; the evaluator is named (and optionally pinned to a version). A new rule scores traces that settle after it is created.',
  request: json(NewRule),
  responses: {
    201: ok(RuleSchema, 'The rule'),
    400: error('Bad filter, sample rate or evaluator'),
    409: error('A rule of that name exists'),
  },
})

export const listRulesRoute = createRoute({
  method: 'get',
  path: '/online-eval/rules',
  tags,
  summary: 'Rules, newest first',
  request: { query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }) },
  responses: { 200: ok(page(RuleSchema), 'One page of rules'), 400: error('Bad query') },
})

export const getRuleRoute = createRoute({
  method: 'get',
  path: '/online-eval/rules/{ruleId}',
  tags,
  summary: 'A rule with its jobs counted by status',
  request: { params: z.object({ ruleId: RuleIdParam }) },
  responses: { 200: ok(RuleWithCounts, 'The rule'), 404: error('No such rule') },
})

export const updateRuleRoute = createRoute({
  method: 'patch',
  path: '/online-eval/rules/{ruleId}',
  tags,
  summary: 'Change a rule; `enabled: false` pauses it',
  request: { params: z.object({ ruleId: RuleIdParam }), ...json(RulePatch) },
  responses: {
    200: ok(RuleSchema, 'The rule as changed'),
    400: error('Bad filter, sample rate or evaluator'),
    404: error('No such rule'),
    409: error('A rule of that name exists'),
  },
})

export const deleteRuleRoute = createRoute({
  method: 'delete',
  path: '/online-eval/rules/{ruleId}',
  tags,
  summary: 'Delete a rule and its jobs (the assessments it wrote stay)',
  request: { params: z.object({ ruleId: RuleIdParam }) },
  responses: { 204: { description: 'Deleted' }, 404: error('No such rule') },
})

export const listJobsRoute = createRoute({
  method: 'get',
  path: '/online-eval/rules/{ruleId}/jobs',
  tags,
  summary: 'A rule’s jobs, newest first: status, attempts, last error',
  request: {
    params: z.object({ ruleId: RuleIdParam }),
    query: z.object({
      status: JobStatusParam.optional(),
      limit: LimitParam.optional(),
      cursor: CursorParam.optional(),
    }),
  },
  responses: {
    200: ok(page(JobSchema), 'One page of jobs'),
    400: error('Bad query'),
    404: error('No such rule'),
  },
})
