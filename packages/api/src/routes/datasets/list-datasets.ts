/** `GET /api/datasets`: the project's datasets by name, cursor-paginated. */
import { listDatasets } from '@assay/store'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import type { ApiEnv } from '../../router.js'
import { CursorParam, DatasetPage, error, LimitParam } from './schemas.js'
import { answering } from './store-errors.js'

export const listDatasetsRoute = createRoute({
  method: 'get',
  path: '/datasets',
  tags: ['datasets'],
  summary: 'List datasets by name',
  request: { query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }) },
  responses: {
    200: { content: { 'application/json': { schema: DatasetPage } }, description: 'One page of datasets' },
    400: error('Bad query, including a cursor this list did not issue'),
  },
})

export const listDatasetsHandler =
  (deps: ApiDeps): RouteHandler<typeof listDatasetsRoute, ApiEnv> =>
  async (c) => {
    const q = c.req.valid('query')
    const page = await answering(listDatasets(deps.postgres.db, c.get('projectId'), q))
    return c.json(page, 200)
  }
