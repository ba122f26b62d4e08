/**
 * The labelling loop: claim the next item (`/next`), read one item with
 * everything the view shows, submit its labels, or skip it. Each answer
 * carries the queue's progress, so the view never asks separately.
 *
 * Submitting an item that was submitted before is allowed: its labels
 * override the earlier ones (kept in the assessment history), so a
 * labeller who goes back and corrects a label gets one current value.
 */
import {
  annotationProgressOf,
  claimNextAnnotationItem,
  getAnnotationQueue,
  skipAnnotationItem,
  submitAnnotationLabels,
} from '@assay/store'
import { createRoute } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { itemView } from './item-view.js'
import { labellerOf } from './labeller.js'
import {
  error,
  IdParams,
  ItemParams,
  ItemView,
  jsonBody,
  NextResult,
  ok,
  SkipResult,
  SubmitBody,
  SubmitResult,
  UserBody,
} from './schemas.js'
import { annotating, notFound } from './store-errors.js'
import { writeLabels } from './write-labels.js'

const tags = ['annotation']

const nextRoute = createRoute({
  method: 'post',
  path: '/annotation-queues/{id}/next',
  tags,
  summary: 'Claim the next item to label',
  description:
    "The labeller's own unfinished claim if there is one, else the first pending item in queue order, else one whose claim lapsed (15 minutes). Two labellers never get the same item. `next` is null when nothing is left.",
  request: { params: IdParams, body: jsonBody(UserBody) },
  responses: {
    200: ok(NextResult, 'The claimed item as the labelling view shows it, and the progress'),
    400: error('No `user` and not signed in'),
    404: error('No such queue'),
  },
})

const getItemRoute = createRoute({
  method: 'get',
  path: '/annotation-queues/{id}/items/{itemId}',
  tags,
  summary: "One item with its trace's root input and output, its labels, and its neighbours",
  request: { params: ItemParams },
  responses: { 200: ok(ItemView, 'The item'), 404: error('No such queue or item') },
})

const submitRoute = createRoute({
  method: 'post',
  path: '/annotation-queues/{id}/items/{itemId}/labels',
  tags,
  summary: 'Submit labels: one HUMAN assessment per label, and the item is completed',
  description:
    "Each value is checked against its label schema (one the queue shows): the kind, the categories, the range. A label the item already has is overridden (the earlier one stays in the assessment history). `source_id` is the signed-in user's id, else `user`.",
  request: { params: ItemParams, body: jsonBody(SubmitBody) },
  responses: {
    200: ok(SubmitResult, 'The completed item, the assessments written, and the progress'),
    400: error('A label schema the queue does not show, or a value that does not fit it'),
    404: error("No such queue or item, or the item's trace is gone"),
  },
})

const skipRoute = createRoute({
  method: 'post',
  path: '/annotation-queues/{id}/items/{itemId}/skip',
  tags,
  summary: 'Skip an item (not offered by `/next` again)',
  request: { params: ItemParams, body: jsonBody(UserBody) },
  responses: {
    200: ok(SkipResult, 'The skipped item and the progress'),
    400: error('No `user` and not signed in'),
    404: error('No such queue or item'),
    409: error('The item is completed'),
  },
})

export function labellingRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  const requireQueue = async (projectId: string, id: string) => {
    const queue = await getAnnotationQueue(db, projectId, id)
    if (!queue) throw notFound('path.id', `annotation queue ${id}`)
    return queue
  }
  const progressOf = async (projectId: string, id: string) =>
    (await annotationProgressOf(db, projectId, [id])).get(id)!
  return createRouter()
    .openapi(nextRoute, async (c) => {
      const { id } = c.req.valid('param')
      const projectId = c.get('projectId')
      const queue = await requireQueue(projectId, id)
      const user = await labellerOf(deps, c, c.req.valid('json').user)
      const claimed = await claimNextAnnotationItem(db, projectId, id, user)
      const next = claimed && (await itemView(deps, projectId, queue, claimed.id))
      return c.json({ next, progress: await progressOf(projectId, id) }, 200)
    })
    .openapi(getItemRoute, async (c) => {
      const { id, itemId } = c.req.valid('param')
      const projectId = c.get('projectId')
      const view = await itemView(deps, projectId, await requireQueue(projectId, id), itemId)
      if (!view) throw notFound('path.itemId', `item ${itemId} in this queue`)
      return c.json(view, 200)
    })
    .openapi(submitRoute, async (c) => {
      const { id, itemId } = c.req.valid('param')
      const projectId = c.get('projectId')
      await requireQueue(projectId, id)
      const body = c.req.valid('json')
      const user = await labellerOf(deps, c, body.user)
      const { item, written } = await annotating(
        submitAnnotationLabels(db, projectId, id, itemId, { labels: body.labels, user }, (item, labels) =>
          writeLabels(deps.clickhouse, item, labels, user),
        ),
      )
      return c.json({ item, assessments: written, progress: await progressOf(projectId, id) }, 200)
    })
    .openapi(skipRoute, async (c) => {
      const { id, itemId } = c.req.valid('param')
      const projectId = c.get('projectId')
      await requireQueue(projectId, id)
      const user = await labellerOf(deps, c, c.req.valid('json').user)
      const item = await annotating(skipAnnotationItem(db, projectId, id, itemId, user))
      return c.json({ item, progress: await progressOf(projectId, id) }, 200)
    })
}
