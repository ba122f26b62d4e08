import { createRouter } from '../../router.js'
/** Trace routes: search (list) and detail; deletion is in `../search/`. */

import { getSpanEvents, getTraceSpans, listAssessments, searchTraces } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { timeWindow } from '../../time-window.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { searching } from '../search/store-errors.js'
import { getTraceRoute } from './get-trace.js'
import { listTracesRoute } from './list-traces.js'

const TRACE_ID = /^[0-9a-f]{32}$/

export function traceRoutes(deps: ApiDeps) {
  return createRouter()
    .openapi(listTracesRoute, async (c) => {
      const q = c.req.valid('query')
      const page = await searching(
        searchTraces(deps.clickhouse, {
          projectId: c.get('projectId'),
          ...timeWindow(q.from, q.to),
          filter: parseFilterParam(q.filter, 'query.filter'),
          sort: q.sort,
          order: q.order,
          limit: q.limit,
          cursor: q.cursor,
        }),
      )
      return c.json(page, 200)
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
