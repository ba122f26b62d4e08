/**
 * Trace routes: search (list) and detail; for the trace view, the tree
 * columns, one span on demand and search within the trace's content.
 * Deletion is in `../search/`.
 */
import { getSpanEvents, getTraceSpans, listAssessments, searchTraces } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { searching } from '../search/store-errors.js'
import { getSpanHandler, getSpanRoute } from './get-span.js'
import { getTraceRoute } from './get-trace.js'
import { getTraceTreeHandler, getTraceTreeRoute } from './get-trace-tree.js'
import { gzipLarge } from './gzip-large.js'
import { traceIdOf } from './ids.js'
import { listTracesRoute } from './list-traces.js'
import { searchTraceHandler, searchTraceRoute } from './search-trace.js'

export function traceRoutes(deps: ApiDeps) {
  const router = createRouter()
  // The full trace is not compressed: at 25 MB even level 1 costs more than it saves on a LAN.
  router.use('/traces/:traceId/tree', gzipLarge())
  return router
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
      const traceId = traceIdOf(c.req.valid('param').traceId)
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
    .openapi(getTraceTreeRoute, getTraceTreeHandler(deps))
    .openapi(getSpanRoute, getSpanHandler(deps))
    .openapi(searchTraceRoute, searchTraceHandler(deps))
}
