/**
 * LoggedModel records: create (or find-or-create with `?reuse=true`, what
 * the SDK's `setActiveModel` calls on every start), search, read, tag and
 * finalize.
 */
import { createRoute, z } from '@hono/zod-openapi'
import {
  errorResponse,
  FinalizeBody,
  jsonResponse,
  LoggedModelSchema,
  ModelIdParam,
  ModelPage,
  NewLoggedModel,
  SearchModelsQuery,
  TagsPatchBody,
} from './schemas.js'

const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
})

export const createModelRoute = createRoute({
  method: 'post',
  path: '/models',
  tags: ['models'],
  summary: 'Create a LoggedModel, or find the one with the same name, params and git commit',
  description:
    'With `reuse=true`, the newest model that is not `failed` and has the same name, the same params (compared as JSON values) and the same git commit (or none on both sides) is returned with 200 instead of creating another; tags, branch, dirty flag and source do not take part. Concurrent calls for the same version get one model.',
  request: {
    query: z.object({ reuse: z.enum(['true', 'false']).optional() }),
    body: json(NewLoggedModel),
  },
  responses: {
    201: jsonResponse(LoggedModelSchema, 'The new model'),
    200: jsonResponse(LoggedModelSchema, 'An existing model of the same version (reuse=true)'),
    400: errorResponse('Bad input, e.g. a param that is not a string, number or boolean'),
  },
})

export const searchModelsRoute = createRoute({
  method: 'get',
  path: '/models',
  tags: ['models'],
  summary: 'Search LoggedModels, newest first',
  description:
    "Every condition must hold. `param`, `tag` and `metric` may be repeated; a metric condition reads the scorer mean of the model's latest completed evaluation run with a summary.",
  request: { query: SearchModelsQuery },
  responses: {
    200: jsonResponse(ModelPage, 'One page of models'),
    400: errorResponse('Bad condition or cursor'),
  },
})

const params = z.object({ id: ModelIdParam })

export const getModelRoute = createRoute({
  method: 'get',
  path: '/models/{id}',
  tags: ['models'],
  summary: 'One LoggedModel',
  request: { params },
  responses: {
    200: jsonResponse(LoggedModelSchema, 'The model'),
    404: errorResponse('No such model'),
  },
})

export const patchModelTagsRoute = createRoute({
  method: 'patch',
  path: '/models/{id}/tags',
  tags: ['models'],
  summary: "Set or remove a LoggedModel's tags",
  description: 'A merge patch: a string sets the tag, null removes it, tags not named stay.',
  request: { params, body: json(TagsPatchBody) },
  responses: {
    200: jsonResponse(LoggedModelSchema, 'The model with its new tags'),
    400: errorResponse('Bad tags'),
    404: errorResponse('No such model'),
  },
})

export const finalizeModelRoute = createRoute({
  method: 'post',
  path: '/models/{id}/finalize',
  tags: ['models'],
  summary: 'Set the final status of a LoggedModel (ready or failed)',
  request: { params, body: json(FinalizeBody) },
  responses: {
    200: jsonResponse(LoggedModelSchema, 'The model'),
    400: errorResponse('Bad status'),
    404: errorResponse('No such model'),
  },
})
