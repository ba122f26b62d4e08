/** Evaluation-run routes (`run-routes.ts`): records in Postgres; per-item scores are assessments carrying the run id. */
import { createEvaluationRun, getEvaluationRun, listEvaluationRuns, updateEvaluationRun } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import { recording } from './record-errors.js'
import { createRunRoute, getRunRoute, listRunsRoute, updateRunRoute } from './run-routes.js'

const noRun = (id: string) => new ApiError(404, `path.id: no evaluation run ${id}`, 'path.id')

export function runRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(createRunRoute, async (c) => {
      const run = await recording(createEvaluationRun(db, c.get('projectId'), c.req.valid('json')))
      return c.json(run, 201)
    })
    .openapi(updateRunRoute, async (c) => {
      const { id } = c.req.valid('param')
      const run = await recording(updateEvaluationRun(db, c.get('projectId'), id, c.req.valid('json')))
      if (!run) throw noRun(id)
      return c.json(run, 200)
    })
    .openapi(listRunsRoute, async (c) => {
      const q = c.req.valid('query')
      const page = await searching(
        listEvaluationRuns(db, c.get('projectId'), {
          loggedModelId: q.model_id,
          datasetId: q.dataset_id,
          status: q.status,
          limit: q.limit,
          cursor: q.cursor,
        }),
      )
      return c.json(page, 200)
    })
    .openapi(getRunRoute, async (c) => {
      const { id } = c.req.valid('param')
      const run = await getEvaluationRun(db, c.get('projectId'), id)
      if (!run) throw noRun(id)
      return c.json(run, 200)
    })
}
