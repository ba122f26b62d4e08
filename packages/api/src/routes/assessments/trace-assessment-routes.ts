/**
 * `POST /api/traces/{traceId}/assessments` (log one) and
 * `GET /api/traces/{traceId}/assessments` (the current ones, or with
 * `?history=true` every one, overridden and deleted included, with the
 * chain linked by `overrides` / `overridden_by`).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema, TraceIdParam } from '../../schemas/common.js'
import { AssessmentList, AssessmentRecord, CreateAssessmentBody } from './schemas.js'

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const createAssessmentRoute = createRoute({
  method: 'post',
  path: '/traces/{traceId}/assessments',
  tags: ['assessments'],
  summary: 'Log feedback or an expectation on a trace or one of its spans',
  request: {
    params: z.object({ traceId: TraceIdParam }),
    body: { content: { 'application/json': { schema: CreateAssessmentBody } }, required: true },
  },
  responses: {
    201: { content: { 'application/json': { schema: AssessmentRecord } }, description: 'The new assessment' },
    400: error('Bad input, including a value whose type differs from earlier values of the name'),
    404: error('No such trace'),
  },
})

export const listAssessmentsRoute = createRoute({
  method: 'get',
  path: '/traces/{traceId}/assessments',
  tags: ['assessments'],
  summary: 'Assessments of a trace, oldest first',
  request: {
    params: z.object({ traceId: TraceIdParam }),
    query: z.object({
      /** `true`: every assessment, overridden and deleted ones included. */
      history: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: AssessmentList } }, description: 'The assessments' },
    400: error('Malformed trace id'),
    404: error('No such trace'),
  },
})
