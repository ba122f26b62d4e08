/** A run's items and the comparison of two runs (`item-routes.ts`): read from the run's assessments. */
import { getEvaluationRun, listRunItems } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import { compareRuns } from './compare-runs.js'
import { compareRunsRoute, runItemsRoute } from './item-routes.js'
import { runItems, runSince } from './run-items.js'

export function runItemRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  const load = async (projectId: string, id: string, field: string) => {
    const run = await getEvaluationRun(db, projectId, id)
    if (!run) throw new ApiError(404, `${field}: no evaluation run ${id}`, field)
    return run
  }
  return createRouter()
    .openapi(runItemsRoute, async (c) => {
      const run = await load(c.get('projectId'), c.req.valid('param').id, 'path.id')
      const q = c.req.valid('query')
      const page = await searching(
        listRunItems(deps.clickhouse, run.projectId, run.id, {
          since: runSince(run),
          outcome: q.outcome,
          limit: q.limit,
          cursor: q.cursor,
        }),
      )
      const items = await runItems(deps, run, page.items)
      return c.json({ ...page, items }, 200)
    })
    .openapi(compareRunsRoute, async (c) => {
      const projectId = c.get('projectId')
      const head = await load(projectId, c.req.valid('param').id, 'path.id')
      const base = await load(projectId, c.req.valid('query').baseline, 'query.baseline')
      return c.json(await compareRuns(deps, head, base), 200)
    })
}
