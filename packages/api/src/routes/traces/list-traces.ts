/**
 * `GET /api/traces`: trace summaries in a time window, filtered by the
 * filter language, sorted by start, duration, cost or tokens, cursor-paginated.
 */
import { createRoute } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { SearchQuery, TraceSearchPage } from '../search/schemas.js'

export const listTracesRoute = createRoute({
  method: 'get',
  path: '/traces',
  tags: ['traces'],
  summary: 'Search traces in a time window',
  description:
    'Traces that start in the window (default: the last 24 hours) and match the filter. Summaries carry root input/output previews, token and cost totals, and the latest valid value of each assessment.',
  request: {
    query: SearchQuery,
  },
  responses: {
    200: {
      content: { 'application/json': { schema: TraceSearchPage } },
      description: 'One page of trace summaries',
    },
    400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Bad query' },
  },
})
