/** `GET /api/datasets/{datasetId}/items`: the items as of a version (default the latest), in the order added. */
import { listDatasetItems } from '@assay/store'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import type { ApiEnv } from '../../router.js'
import {
  CursorParam,
  DatasetItemPage,
  DatasetPathParams,
  error,
  LimitParam,
  VersionParam,
} from './schemas.js'
import { answering } from './store-errors.js'

export const listItemsRoute = createRoute({
  method: 'get',
  path: '/datasets/{datasetId}/items',
  tags: ['datasets'],
  summary: 'Read a dataset’s items as of a version',
  description: 'A cursor is bound to the version it was issued for; reused with another version it is a 400.',
  request: {
    params: DatasetPathParams,
    query: z.object({
      version: VersionParam.optional(),
      limit: LimitParam.optional(),
      cursor: CursorParam.optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: DatasetItemPage } }, description: 'One page of items' },
    400: error('Bad query, a version the dataset has not reached, or a cursor from elsewhere'),
    404: error('No such dataset'),
  },
})

export const listItemsHandler =
  (deps: ApiDeps): RouteHandler<typeof listItemsRoute, ApiEnv> =>
  async (c) => {
    const q = c.req.valid('query')
    const page = await answering(
      listDatasetItems(deps.postgres.db, {
        projectId: c.get('projectId'),
        datasetId: c.req.valid('param').datasetId,
        ...q,
      }),
    )
    return c.json(page, 200)
  }
