/**
 * `DELETE /api/datasets/{datasetId}/items`: delete items by id, as one new
 * version (earlier versions still hold them). Ids that are already gone are
 * reported in `notFound`, not refused, so a retried delete is harmless.
 */
import { deleteDatasetItems } from '@assay/store'
import { createRoute, type RouteHandler } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import type { ApiEnv } from '../../router.js'
import { limitBody, limitCount, MAX_SMALL_BODY_BYTES } from './limits.js'
import { DatasetPathParams, DeleteItemsBody, error, ItemsDeleted } from './schemas.js'
import { answering } from './store-errors.js'

export const deleteItemsRoute = createRoute({
  method: 'delete',
  path: '/datasets/{datasetId}/items',
  tags: ['datasets'],
  summary: 'Delete items by id',
  middleware: [limitBody(MAX_SMALL_BODY_BYTES)] as const,
  request: {
    params: DatasetPathParams,
    body: { content: { 'application/json': { schema: DeleteItemsBody } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: ItemsDeleted } },
      description: 'The version after the delete (unchanged when nothing was live)',
    },
    400: error('Bad input'),
    404: error('No such dataset'),
    413: error('Body too large, or too many ids'),
  },
})

export const deleteItemsHandler =
  (deps: ApiDeps): RouteHandler<typeof deleteItemsRoute, ApiEnv> =>
  async (c) => {
    const { ids } = c.req.valid('json')
    limitCount(ids.length, 'body.ids')
    const deleted = await answering(
      deleteDatasetItems(deps.postgres.db, c.get('projectId'), c.req.valid('param').datasetId, ids),
    )
    return c.json(deleted, 200)
  }
