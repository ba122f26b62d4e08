/** `POST /api/datasets/{datasetId}/items`: add items in bulk, as one new version. */
import { addDatasetItems } from '@assay/store'
import { createRoute, type RouteHandler } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import type { ApiEnv } from '../../router.js'
import { limitBody, limitCount, MAX_BULK_BODY_BYTES } from './limits.js'
import { AddItemsBody, DatasetPathParams, error, ItemsAdded } from './schemas.js'
import { answering } from './store-errors.js'

export const addItemsRoute = createRoute({
  method: 'post',
  path: '/datasets/{datasetId}/items',
  tags: ['datasets'],
  summary: 'Add items (inputs, expectations, metadata) in bulk',
  description:
    'All items or none; the dataset moves to a new version and the new item ids come back in the order given.',
  middleware: [limitBody(MAX_BULK_BODY_BYTES)] as const,
  request: {
    params: DatasetPathParams,
    body: { content: { 'application/json': { schema: AddItemsBody } }, required: true },
  },
  responses: {
    201: {
      content: { 'application/json': { schema: ItemsAdded } },
      description: 'The new version and item ids',
    },
    400: error('Bad input, naming the item and field'),
    404: error('No such dataset'),
    413: error('Body too large, or too many items'),
  },
})

export const addItemsHandler =
  (deps: ApiDeps): RouteHandler<typeof addItemsRoute, ApiEnv> =>
  async (c) => {
    const { items } = c.req.valid('json')
    limitCount(items.length, 'body.items')
    const added = await answering(
      addDatasetItems(deps.postgres.db, c.get('projectId'), c.req.valid('param').datasetId, items),
    )
    return c.json(added, 201)
  }
