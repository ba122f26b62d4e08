/** `/annotation-queues`: create, list (newest first, with progress), read (with schemas), change, delete. */
import {
  annotationProgressOf,
  createAnnotationQueue,
  deleteAnnotationQueue,
  getAnnotationQueue,
  getLabelSchemas,
  listAnnotationQueues,
  updateAnnotationQueue,
} from '@assay/store'
import { createRoute } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import {
  error,
  IdParams,
  jsonBody,
  NewQueue,
  ok,
  PageQuery,
  QueueDetail,
  QueuePage,
  QueuePatch,
  QueueSchema,
} from './schemas.js'
import { annotating, notFound } from './store-errors.js'

const tags = ['annotation']

const createQueueRoute = createRoute({
  method: 'post',
  path: '/annotation-queues',
  tags,
  summary: 'Create an annotation queue showing some label schemas',
  request: { body: jsonBody(NewQueue) },
  responses: {
    201: ok(QueueSchema, 'The queue'),
    400: error('Bad input'),
    404: error('A label schema that is not in the project'),
    409: error('The name is taken'),
  },
})

const listQueuesRoute = createRoute({
  method: 'get',
  path: '/annotation-queues',
  tags,
  summary: 'Annotation queues with their progress, newest first',
  request: { query: PageQuery },
  responses: { 200: ok(QueuePage, 'One page of queues'), 400: error('Bad query') },
})

const getQueueRoute = createRoute({
  method: 'get',
  path: '/annotation-queues/{id}',
  tags,
  summary: 'One queue with its label schemas and progress',
  request: { params: IdParams },
  responses: { 200: ok(QueueDetail, 'The queue'), 404: error('No such queue') },
})

const updateQueueRoute = createRoute({
  method: 'patch',
  path: '/annotation-queues/{id}',
  tags,
  summary: 'Rename a queue, or change its description or label schemas',
  request: { params: IdParams, body: jsonBody(QueuePatch) },
  responses: {
    200: ok(QueueSchema, 'The queue'),
    400: error('Bad input'),
    404: error('No such queue, or a label schema not in the project'),
    409: error('The name is taken'),
  },
})

const deleteQueueRoute = createRoute({
  method: 'delete',
  path: '/annotation-queues/{id}',
  tags,
  summary: 'Delete a queue and its items (labels already written stay, as assessments)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, 404: error('No such queue') },
})

export function queueRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  const missing = (id: string) => notFound('path.id', `annotation queue ${id}`)
  return createRouter()
    .openapi(createQueueRoute, async (c) => {
      const queue = await annotating(createAnnotationQueue(db, c.get('projectId'), c.req.valid('json')))
      const progress = { pending: 0, inProgress: 0, completed: 0, skipped: 0, total: 0 }
      return c.json({ ...queue, progress }, 201)
    })
    .openapi(listQueuesRoute, async (c) => {
      const projectId = c.get('projectId')
      const page = await searching(listAnnotationQueues(db, projectId, c.req.valid('query')))
      const progress = await annotationProgressOf(
        db,
        projectId,
        page.items.map((q) => q.id),
      )
      return c.json({ ...page, items: page.items.map((q) => ({ ...q, progress: progress.get(q.id)! })) }, 200)
    })
    .openapi(getQueueRoute, async (c) => {
      const { id } = c.req.valid('param')
      const projectId = c.get('projectId')
      const queue = await getAnnotationQueue(db, projectId, id)
      if (!queue) throw missing(id)
      const labelSchemas = await getLabelSchemas(db, projectId, queue.labelSchemaIds)
      const progress = (await annotationProgressOf(db, projectId, [id])).get(id)!
      return c.json({ ...queue, labelSchemas, progress }, 200)
    })
    .openapi(updateQueueRoute, async (c) => {
      const { id } = c.req.valid('param')
      const projectId = c.get('projectId')
      const queue = await annotating(updateAnnotationQueue(db, projectId, id, c.req.valid('json')))
      if (!queue) throw missing(id)
      const progress = (await annotationProgressOf(db, projectId, [id])).get(id)!
      return c.json({ ...queue, progress }, 200)
    })
    .openapi(deleteQueueRoute, async (c) => {
      const { id } = c.req.valid('param')
      if (!(await deleteAnnotationQueue(db, c.get('projectId'), id))) throw missing(id)
      return c.body(null, 204)
    })
}
