/**
 * Evaluators (judge and code-scorer definitions) as versioned records:
 * saving a definition under a name makes its next version, unless it
 * equals the latest one. `evals/` produces and runs the definitions; runs
 * name the versions they used.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { CursorParam, LimitParam } from '../search/schemas.js'
import {
  EvaluatorNameParam,
  EvaluatorSchema,
  EvaluatorVersionSchema,
  error,
  NewEvaluator,
  ok,
  SavedEvaluator,
  VersionParam,
} from './schemas.js'

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() })

export const saveEvaluatorRoute = createRoute({
  method: 'post',
  path: '/evaluators',
  tags: ['evaluators'],
  summary: 'Save a judge or code-scorer definition as the next version of its name',
  description:
    'A new name starts at version 1. A definition equal to the latest version is not saved again: that version is returned with 200. A non-empty description replaces the stored one.',
  request: { body: { content: { 'application/json': { schema: NewEvaluator } }, required: true } },
  responses: {
    201: ok(SavedEvaluator, 'The new version'),
    200: ok(SavedEvaluator, 'The latest version, equal to the definition given'),
    400: error('Bad definition'),
  },
})

export const listEvaluatorsRoute = createRoute({
  method: 'get',
  path: '/evaluators',
  tags: ['evaluators'],
  summary: 'Evaluators by name',
  request: { query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }) },
  responses: { 200: ok(page(EvaluatorSchema), 'One page of evaluators'), 400: error('Bad query') },
})

export const getEvaluatorRoute = createRoute({
  method: 'get',
  path: '/evaluators/{name}',
  tags: ['evaluators'],
  summary: 'An evaluator and its versions, newest first',
  request: {
    params: z.object({ name: EvaluatorNameParam }),
    query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }),
  },
  responses: {
    200: ok(
      z.object({ evaluator: EvaluatorSchema, versions: page(EvaluatorVersionSchema) }),
      'The evaluator and one page of its versions',
    ),
    400: error('Bad query'),
    404: error('No such evaluator'),
  },
})

export const getEvaluatorVersionRoute = createRoute({
  method: 'get',
  path: '/evaluators/{name}/versions/{version}',
  tags: ['evaluators'],
  summary: 'One version of an evaluator (a number, or latest)',
  request: { params: z.object({ name: EvaluatorNameParam, version: VersionParam }) },
  responses: {
    200: ok(EvaluatorVersionSchema, 'The version'),
    400: error('Bad version'),
    404: error('No such evaluator or version'),
  },
})
