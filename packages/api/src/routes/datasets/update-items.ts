/**
 * `PATCH /api/datasets/{datasetId}/items`: change items by id, as one new
 * version. Each field given replaces that field whole; all or nothing, so an
 * unknown id is a 404 naming it and nothing changes.
 */
import { DatasetItemsNotFoundError, updateDatasetItems } from '@assay/store'
import { createRoute, type RouteHandler } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { limitBody, limitCount, MAX_BULK_BODY_BYTES } from './limits.js'
import { DatasetPathParams, error, ItemsUpdated, UpdateItemsBody } from './schemas.js'
import { answering } from './store-errors.js'

export const updateItemsRoute = createRoute({
  method: 'patch',
  path: '/datasets/{datasetId}/items',
  tags: ['datasets'],
  summary: 'Update items by id in bulk',
  description:
    'Each of inputs, expectations, metadata that is given replaces the item’s field whole; the others are kept.',
  middleware: [limitBody(MAX_BULK_BODY_BYTES)] as const,
  request: {
    params: DatasetPathParams,
    body: { content: { 'application/json': { schema: UpdateItemsBody } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: ItemsUpdated } }, description: 'The new version' },
    400: error('Bad input, naming the item and field'),
    404: error('No such dataset, or no live item with one of the ids (nothing was changed)'),
    413: error('Body too large, or too many items'),
  },
})

export const updateItemsHandler =
  (deps: ApiDeps): RouteHandler<typeof updateItemsRoute, ApiEnv> =>
  async (c) => {
    const { items } = c.req.valid('json')
    limitCount(items.length, 'body.items')
    try {
      const updated = await answering(
        updateDatasetItems(deps.postgres.db, c.get('projectId'), c.req.valid('param').datasetId, items),
      )
      return c.json(updated, 200)
    } catch (e) {
      if (!(e instanceof DatasetItemsNotFoundError)) throw e
      const field = `body.items.${items.findIndex((item) => item.id === e.itemIds[0])}.id`
      throw new ApiError(404, `${field}: ${e.message}`, field)
    }
  }
