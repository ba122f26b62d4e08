/**
 * What links to a LoggedModel: its traces (spans stamped with its id via
 * `assay.model.id`), its evaluation runs, and the prompt versions its
 * spans used. Trace reads default to the last 30 days (`model-window.ts`).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { CursorParam, LimitParam, TimeParam } from '../../schemas/common.js'
import { RunListQuery, RunPage } from '../runs/schemas.js'
import { SearchQuery, TraceSearchPage } from '../search/schemas.js'
import { errorResponse, jsonResponse, ModelIdParam } from './schemas.js'

const params = z.object({ id: ModelIdParam })

export const modelTracesRoute = createRoute({
  method: 'get',
  path: '/models/{id}/traces',
  tags: ['models'],
  summary: "A LoggedModel's traces",
  description:
    'The trace search (`GET /traces`) restricted to `model.id = <id>`; `filter` narrows it further. Without `from`, the window reaches back 30 days from `to`.',
  request: {
    params,
    query: SearchQuery,
  },
  responses: {
    200: jsonResponse(TraceSearchPage, 'One page of trace summaries'),
    400: errorResponse('Bad query'),
    404: errorResponse('No such model'),
  },
})

export const modelRunsRoute = createRoute({
  method: 'get',
  path: '/models/{id}/runs',
  tags: ['models'],
  summary: "A LoggedModel's evaluation runs, newest first, with their summary metrics",
  request: { params, query: RunListQuery.omit({ model_id: true }) },
  responses: {
    200: jsonResponse(RunPage, 'One page of runs'),
    400: errorResponse('Bad query'),
    404: errorResponse('No such model'),
  },
})

export const ModelPromptUse = z
  .object({
    promptName: z.string(),
    promptVersion: z.string(),
    traceCount: z.number().int(),
    spanCount: z.number().int(),
    firstSeen: z.string().openapi({ description: 'First span start, ns since the epoch' }),
    lastSeen: z.string().openapi({ description: 'Last span start, ns since the epoch' }),
  })
  .openapi('ModelPromptUse')

export const modelPromptsRoute = createRoute({
  method: 'get',
  path: '/models/{id}/prompts',
  tags: ['models'],
  summary: "The prompt versions a LoggedModel's spans used",
  description:
    'Distinct prompt name and version over the spans carrying the model id, by name then version. Without `from`, the window reaches back 30 days from `to`.',
  request: {
    params,
    query: z.object({
      from: TimeParam.optional(),
      to: TimeParam.optional(),
      limit: LimitParam.optional(),
      cursor: CursorParam.optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(ModelPromptUse), nextCursor: z.string().optional() }),
      'One page of prompt versions',
    ),
    400: errorResponse('Bad query'),
    404: errorResponse('No such model'),
  },
})
