/**
 * `/annotation-queues/{id}/items`: list a queue's items in queue order
 * (optionally one status), and add traces or spans by id or by filter.
 * Adding is idempotent: a target already queued is counted, not repeated.
 */
import { addAnnotationItems, getAnnotationQueue, listAnnotationItems } from '@assay/store'
import { createRoute } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { limitBody, MAX_SMALL_BODY_BYTES } from '../datasets/limits.js'
import { searching } from '../search/store-errors.js'
import { resolveTargets } from './item-targets.js'
import {
  AddItemsBody,
  AddItemsResult,
  error,
  IdParams,
  ItemListQuery,
  ItemPage,
  jsonBody,
  ok,
} from './schemas.js'
import { annotating, notFound } from './store-errors.js'

const tags = ['annotation']

const listItemsRoute = createRoute({
  method: 'get',
  path: '/annotation-queues/{id}/items',
  tags,
  summary: "A queue's items in queue order, with their status",
  request: { params: IdParams, query: ItemListQuery },
  responses: { 200: ok(ItemPage, 'One page of items'), 400: error('Bad query'), 404: error('No such queue') },
})

const addItemsRoute = createRoute({
  method: 'post',
  path: '/annotation-queues/{id}/items',
  tags,
  summary: 'Queue traces or spans: by id, or those matching a filter in a window',
  description:
    'Give `trace_ids`, or `spans` (`{trace_id, span_id}`), or a `filter` with `from`/`to` (default the last 24 hours), `target` (`traces` or `spans`), `limit` (at most 1000, the default) and the `cursor` of the previous call to continue. Ids the project does not have are reported in `notFound`.',
  middleware: [limitBody(MAX_SMALL_BODY_BYTES)] as const,
  request: { params: IdParams, body: jsonBody(AddItemsBody) },
  responses: {
    200: ok(AddItemsResult, 'The items queued by this call'),
    400: error('Bad input: ids and a filter together, a bad filter, window or cursor'),
    404: error('No such queue'),
    413: error('Body too large'),
  },
})

export function itemRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  const requireQueue = async (projectId: string, id: string) => {
    const queue = await getAnnotationQueue(db, projectId, id)
    if (!queue) throw notFound('path.id', `annotation queue ${id}`)
    return queue
  }
  return createRouter()
    .openapi(listItemsRoute, async (c) => {
      const { id } = c.req.valid('param')
      const projectId = c.get('projectId')
      await requireQueue(projectId, id)
      const page = await searching(listAnnotationItems(db, projectId, id, c.req.valid('query')))
      return c.json(page, 200)
    })
    .openapi(addItemsRoute, async (c) => {
      const { id } = c.req.valid('param')
      const projectId = c.get('projectId')
      await requireQueue(projectId, id)
      const {
        targets,
        notFound: missing,
        nextCursor,
      } = await resolveTargets(deps.clickhouse, projectId, c.req.valid('json'))
      const { added, alreadyQueued } = await annotating(addAnnotationItems(db, projectId, id, targets))
      return c.json({ items: added, alreadyQueued, notFound: missing, nextCursor }, 200)
    })
}
