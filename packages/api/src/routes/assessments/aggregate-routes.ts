/**
 * `GET /api/assessments/aggregate` and `GET /api/assessments/timeseries`:
 * one assessment name over the traces of a time window (trace start), or
 * per time bucket, optionally narrowed by a trace filter.
 */
import { createRoute } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import {
  AggregateQuery,
  AggregateResponse,
  TimeseriesQuery,
  TimeseriesResponse,
} from './aggregate-schemas.js'

const badQuery = { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' }

export const aggregateAssessmentsRoute = createRoute({
  method: 'get',
  path: '/assessments/aggregate',
  tags: ['assessments'],
  summary: 'Pass rate, mean and percentiles, or distribution of one assessment name',
  request: { query: AggregateQuery },
  responses: {
    200: { content: { 'application/json': { schema: AggregateResponse } }, description: 'The aggregate' },
    400: badQuery,
  },
})

export const assessmentTimeseriesRoute = createRoute({
  method: 'get',
  path: '/assessments/timeseries',
  tags: ['assessments'],
  summary: 'The aggregate of one assessment name per time bucket of trace start',
  request: { query: TimeseriesQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: TimeseriesResponse } },
      description: 'One entry per bucket',
    },
    400: badQuery,
  },
})
