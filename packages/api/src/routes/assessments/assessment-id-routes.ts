/**
 * Routes addressed by assessment id alone: `POST /api/assessments/{id}/override`
 * and `DELETE /api/assessments/{id}`. The store finds the trace from the id,
 * so callers need not carry it.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { AssessmentIdParam, AssessmentRecord, OverrideAssessmentBody } from './schemas.js'

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const overrideAssessmentRoute = createRoute({
  method: 'post',
  path: '/assessments/{id}/override',
  tags: ['assessments'],
  summary: 'Replace an assessment with a new value; the old one stays in the history, not valid',
  request: {
    params: z.object({ id: AssessmentIdParam }),
    body: { content: { 'application/json': { schema: OverrideAssessmentBody } }, required: true },
  },
  responses: {
    201: { content: { 'application/json': { schema: AssessmentRecord } }, description: 'The new assessment' },
    400: error('Malformed id or bad input'),
    404: error('No such assessment (or it was deleted)'),
    409: error('Already overridden: override its successor'),
  },
})

export const deleteAssessmentRoute = createRoute({
  method: 'delete',
  path: '/assessments/{id}',
  tags: ['assessments'],
  summary: 'Delete an assessment (kept in the history, marked deleted)',
  request: { params: z.object({ id: AssessmentIdParam }) },
  responses: {
    204: { description: 'Deleted' },
    400: error('Malformed id'),
    404: error('No such assessment (or it was already deleted)'),
    409: error('Already overridden: delete its successor'),
  },
})
