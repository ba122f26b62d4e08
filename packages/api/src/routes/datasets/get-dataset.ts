/** `GET /api/datasets/{datasetId}`: one dataset with its current version and item count. */
import { countLiveItems, getDataset } from '@assay/store'
import { createRoute, type RouteHandler } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { DatasetDetail, DatasetPathParams, error } from './schemas.js'

export const getDatasetRoute = createRoute({
  method: 'get',
  path: '/datasets/{datasetId}',
  tags: ['datasets'],
  summary: 'Get a dataset',
  request: { params: DatasetPathParams },
  responses: {
    200: { content: { 'application/json': { schema: DatasetDetail } }, description: 'The dataset' },
    404: error('No such dataset'),
  },
})

export const getDatasetHandler =
  (deps: ApiDeps): RouteHandler<typeof getDatasetRoute, ApiEnv> =>
  async (c) => {
    const { datasetId } = c.req.valid('param')
    const projectId = c.get('projectId')
    const [dataset, itemCount] = await Promise.all([
      getDataset(deps.postgres.db, projectId, datasetId),
      countLiveItems(deps.postgres.db, projectId, datasetId),
    ])
    if (!dataset) throw new ApiError(404, `path.datasetId: dataset ${datasetId} not found`, 'path.datasetId')
    return c.json({ ...dataset, itemCount }, 200)
  }
