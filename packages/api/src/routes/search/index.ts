/**
 * Search routes: spans across traces (`GET /spans`) and deleting traces
 * (`DELETE /traces`). The trace search itself answers `GET /traces`
 * (`../traces/`), with the pieces shared from here.
 */
import { deleteTraces, deleteTracesOlderThan, searchSpans } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { deleteTracesRoute } from './delete-traces.js'
import { olderThanNanos } from './older-than.js'
import { searchSpansRoute } from './search-spans.js'
import { searching } from './store-errors.js'

export function searchRoutes(deps: ApiDeps) {
  const ch = deps.clickhouse
  return createRouter()
    .openapi(searchSpansRoute, async (c) => {
      const q = c.req.valid('query')
      const page = await searching(
        searchSpans(ch, {
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
    .openapi(deleteTracesRoute, async (c) => {
      const body = c.req.valid('json')
      const projectId = c.get('projectId')
      if (body.trace_ids !== undefined) {
        if (body.older_than !== undefined || body.filter !== undefined) {
          throw new ApiError(
            400,
            'body.trace_ids: give either trace_ids or older_than, not both',
            'body.trace_ids',
          )
        }
        const ids = body.trace_ids.map((id) => id.toLowerCase())
        return c.json({ ...(await deleteTraces(ch, projectId, ids)), more: false }, 200)
      }
      if (body.older_than === undefined) {
        throw new ApiError(400, 'body.older_than: required unless trace_ids are given', 'body.older_than')
      }
      const result = await searching(
        deleteTracesOlderThan(ch, {
          projectId,
          olderThan: olderThanNanos(body.older_than, 'body.older_than'),
          filter: parseFilterParam(body.filter, 'body.filter'),
        }),
      )
      return c.json(result, 200)
    })
}
