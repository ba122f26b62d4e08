/** Evaluator routes (`evaluator-routes.ts`), over the versioned records of `@assay/store`. */
import {
  getEvaluator,
  getEvaluatorVersion,
  listEvaluators,
  listEvaluatorVersions,
  saveEvaluator,
} from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import {
  getEvaluatorRoute,
  getEvaluatorVersionRoute,
  listEvaluatorsRoute,
  saveEvaluatorRoute,
} from './evaluator-routes.js'

const noEvaluator = (name: string) => new ApiError(404, `path.name: no evaluator ${name}`, 'path.name')

export function evaluatorRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(saveEvaluatorRoute, async (c) => {
      const { evaluator, version, created } = await saveEvaluator(db, c.get('projectId'), c.req.valid('json'))
      return created ? c.json({ evaluator, version }, 201) : c.json({ evaluator, version }, 200)
    })
    .openapi(listEvaluatorsRoute, async (c) => {
      const q = c.req.valid('query')
      return c.json(await searching(listEvaluators(db, c.get('projectId'), q)), 200)
    })
    .openapi(getEvaluatorRoute, async (c) => {
      const { name } = c.req.valid('param')
      const evaluator = await getEvaluator(db, c.get('projectId'), name)
      if (!evaluator || evaluator.latestVersion === 0) throw noEvaluator(name)
      const versions = await searching(listEvaluatorVersions(db, evaluator, c.req.valid('query')))
      return c.json({ evaluator, versions }, 200)
    })
    .openapi(getEvaluatorVersionRoute, async (c) => {
      const { name, version } = c.req.valid('param')
      const number = version === 'latest' ? undefined : Number(version)
      const found = await getEvaluatorVersion(db, c.get('projectId'), name, number)
      if (found) return c.json(found, 200)
      if (!(await getEvaluator(db, c.get('projectId'), name))) throw noEvaluator(name)
      throw new ApiError(404, `path.version: evaluator ${name} has no version ${version}`, 'path.version')
    })
}
