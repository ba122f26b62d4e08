/** Trace routes: list and detail. */

import { getSpanEvents, getTraceSpans, InvalidCursorError, listAssessments, listTraces } from '@assay/store'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { timeWindow } from '../../time-window.js'
import { getTraceRoute } from './get-trace.js'
import { listTracesRoute } from './list-traces.js'

const TRACE_ID = /^[0-9a-f]{32}$/

export function traceRoutes(deps: ApiDeps) {
  return new OpenAPIHono<{ Variables: { projectId: string } }>()
    .openapi(listTracesRoute, async (c) => {
      const q = c.req.valid('query')
      const window = timeWindow(q.from, q.to)
      try {
        const page = await listTraces(deps.clickhouse, {
          projectId: c.get('projectId'),
          ...window,
          limit: q.limit,
          cursor: q.cursor,
        })
        return c.json(page, 200)
      } catch (error) {
        if (error instanceof InvalidCursorError)
          throw new ApiError(400, 'query.cursor is not a cursor this API issued', 'query.cursor')
        throw error
      }
    })
    .openapi(getTraceRoute, async (c) => {
      const traceId = c.req.valid('param').traceId.toLowerCase()
      if (!TRACE_ID.test(traceId))
        throw new ApiError(400, 'traceId must be 32 hex characters', 'path.traceId')
      const projectId = c.get('projectId')
      const [spans, events, assessments] = await Promise.all([
        getTraceSpans(deps.clickhouse, projectId, traceId),
        getSpanEvents(deps.clickhouse, projectId, traceId),
        listAssessments(deps.clickhouse, projectId, traceId),
      ])
      if (spans.length === 0) throw new ApiError(404, `trace ${traceId} not found`, 'path.traceId')
      return c.json(
        {
          trace_id: traceId,
          spans: deps.enrichSpans ? deps.enrichSpans(spans, events) : spans,
          events,
          assessments,
        },
        200,
      )
    })
}
