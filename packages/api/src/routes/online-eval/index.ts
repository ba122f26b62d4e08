/** Online-evaluation routes (`rule-routes.ts`) over the rule and job repositories of `@assay/store`. */
import type { OnlineEvalRulePatch } from '@assay/core'
import {
  countRuleJobs,
  createRule,
  deleteRule,
  getRule,
  listRuleJobs,
  listRules,
  RuleNameTakenError,
  updateRule,
} from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { searching } from '../search/store-errors.js'
import { resolveEvaluator } from './resolve-evaluator.js'
import {
  createRuleRoute,
  deleteRuleRoute,
  getRuleRoute,
  listJobsRoute,
  listRulesRoute,
  updateRuleRoute,
} from './rule-routes.js'

const noRule = (id: string) => new ApiError(404, `path.ruleId: no rule ${id}`, 'path.ruleId')

async function naming<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof RuleNameTakenError)
      throw new ApiError(409, `body.name: ${error.message}`, 'body.name')
    throw error
  }
}

export function onlineEvalRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(createRuleRoute, async (c) => {
      const body = c.req.valid('json')
      const projectId = c.get('projectId')
      parseFilterParam(body.filter, 'body.filter')
      const evaluator = await resolveEvaluator(db, projectId, body.evaluator, body.evaluatorVersion ?? null)
      const rule = await naming(
        createRule(db, projectId, {
          name: body.name,
          filter: body.filter.trim(),
          sampleRate: body.sampleRate,
          enabled: body.enabled,
          ...evaluator,
        }),
      )
      return c.json(rule, 201)
    })
    .openapi(listRulesRoute, async (c) => {
      return c.json(await searching(listRules(db, c.get('projectId'), c.req.valid('query'))), 200)
    })
    .openapi(getRuleRoute, async (c) => {
      const { ruleId } = c.req.valid('param')
      const rule = await getRule(db, c.get('projectId'), ruleId)
      if (!rule) throw noRule(ruleId)
      return c.json({ ...rule, jobs: await countRuleJobs(db, rule.projectId, rule.id) }, 200)
    })
    .openapi(updateRuleRoute, async (c) => {
      const { ruleId } = c.req.valid('param')
      const body = c.req.valid('json')
      const projectId = c.get('projectId')
      const current = await getRule(db, projectId, ruleId)
      if (!current) throw noRule(ruleId)
      const patch: OnlineEvalRulePatch = {}
      if (body.name !== undefined) patch.name = body.name
      if (body.filter !== undefined) {
        parseFilterParam(body.filter, 'body.filter')
        patch.filter = body.filter.trim()
      }
      if (body.sampleRate !== undefined) patch.sampleRate = body.sampleRate
      if (body.enabled !== undefined) patch.enabled = body.enabled
      if (body.evaluator !== undefined || body.evaluatorVersion !== undefined) {
        // A new evaluator without a version follows its latest; a version alone pins the current one.
        const name = body.evaluator ?? current.evaluator.name
        const version =
          body.evaluatorVersion !== undefined
            ? body.evaluatorVersion
            : body.evaluator
              ? null
              : current.evaluator.version
        Object.assign(patch, await resolveEvaluator(db, projectId, name, version))
      }
      const rule = await naming(updateRule(db, projectId, ruleId, patch))
      if (!rule) throw noRule(ruleId)
      return c.json(rule, 200)
    })
    .openapi(deleteRuleRoute, async (c) => {
      const { ruleId } = c.req.valid('param')
      if (!(await deleteRule(db, c.get('projectId'), ruleId))) throw noRule(ruleId)
      return c.body(null, 204)
    })
    .openapi(listJobsRoute, async (c) => {
      const { ruleId } = c.req.valid('param')
      const projectId = c.get('projectId')
      if (!(await getRule(db, projectId, ruleId))) throw noRule(ruleId)
      return c.json(await searching(listRuleJobs(db, projectId, ruleId, c.req.valid('query'))), 200)
    })
}
