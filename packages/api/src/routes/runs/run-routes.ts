/**
 * Evaluation runs as records: the runner creates one (linked to a dataset
 * version, a LoggedModel and evaluator versions, all checked against the
 * project), reports its status and summary, and CI reads it back.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { NewRun, RunIdParam, RunListQuery, RunPage, RunPatch, RunSchema } from './schemas.js'

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
const params = z.object({ id: RunIdParam })

export const createRunRoute = createRoute({
  method: 'post',
  path: '/runs',
  tags: ['runs'],
  summary: 'Record an evaluation run',
  description:
    "Without `datasetVersion` the run pins the dataset's current version; an evaluator without `version` is pinned to its latest. `startedAt` is set when the status leaves `pending`, `finishedAt` when it reaches completed, failed or cancelled.",
  request: { body: { content: { 'application/json': { schema: NewRun } }, required: true } },
  responses: {
    201: ok(RunSchema, 'The run'),
    400: error('Bad input, or a dataset version the dataset has not reached'),
    404: error('A linked LoggedModel, dataset or evaluator that is not in the project'),
  },
})

export const updateRunRoute = createRoute({
  method: 'patch',
  path: '/runs/{id}',
  tags: ['runs'],
  summary: "Report a run's status, summary or error",
  description:
    'Fields given replace the stored ones. A finished run keeps its status (409) but may still get a summary.',
  request: { params, body: { content: { 'application/json': { schema: RunPatch } }, required: true } },
  responses: {
    200: ok(RunSchema, 'The run'),
    400: error('Bad input'),
    404: error('No such run'),
    409: error('A status change of a finished run'),
  },
})

export const listRunsRoute = createRoute({
  method: 'get',
  path: '/runs',
  tags: ['runs'],
  summary: 'Evaluation runs, newest first',
  request: { query: RunListQuery },
  responses: { 200: ok(RunPage, 'One page of runs'), 400: error('Bad query') },
})

export const getRunRoute = createRoute({
  method: 'get',
  path: '/runs/{id}',
  tags: ['runs'],
  summary: 'One evaluation run',
  request: { params },
  responses: { 200: ok(RunSchema, 'The run'), 404: error('No such run') },
})
