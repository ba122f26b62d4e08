/** `POST /api/datasets`: a new, empty dataset (version 0); 409 when the project has one of that name. */
import { createDataset } from '@assay/store'
import { createRoute, type RouteHandler } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import type { ApiEnv } from '../../router.js'
import { limitBody, MAX_SMALL_BODY_BYTES } from './limits.js'
import { DatasetRecord, error, NewDatasetBody } from './schemas.js'

export const createDatasetRoute = createRoute({
  method: 'post',
  path: '/datasets',
  tags: ['datasets'],
  summary: 'Create a dataset',
  middleware: [limitBody(MAX_SMALL_BODY_BYTES)] as const,
  request: { body: { content: { 'application/json': { schema: NewDatasetBody } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: DatasetRecord } }, description: 'The new dataset' },
    400: error('Bad input'),
    409: error('The project already has a dataset of that name'),
    413: error('Body too large'),
  },
})

export const createDatasetHandler =
  (deps: ApiDeps): RouteHandler<typeof createDatasetRoute, ApiEnv> =>
  async (c) => {
    const body = c.req.valid('json')
    const dataset = await createDataset(deps.postgres.db, c.get('projectId'), body)
    if (!dataset) throw new ApiError(409, `body.name: a dataset named '${body.name}' exists`, 'body.name')
    return c.json(dataset, 201)
  }
