/** Session routes: the list of sessions in a window, and one session with its traces. */
import { getSession, listSessions } from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { searching } from '../search/store-errors.js'
import { getSessionRoute } from './get-session.js'
import { listSessionsRoute } from './list-sessions.js'
import { sessionWindow } from './session-window.js'

export function sessionRoutes(deps: ApiDeps) {
  const ch = deps.clickhouse
  return createRouter()
    .openapi(listSessionsRoute, async (c) => {
      const q = c.req.valid('query')
      const page = await searching(
        listSessions(ch, {
          projectId: c.get('projectId'),
          ...timeWindow(q.from, q.to),
          limit: q.limit,
          cursor: q.cursor,
        }),
      )
      return c.json(page, 200)
    })
    .openapi(getSessionRoute, async (c) => {
      const { sessionId } = c.req.valid('param')
      const q = c.req.valid('query')
      const session = await searching(
        getSession(ch, {
          projectId: c.get('projectId'),
          sessionId,
          ...sessionWindow(q.from, q.to),
          limit: q.limit,
          cursor: q.cursor,
        }),
      )
      if (!session)
        throw new ApiError(404, `session ${sessionId} has no trace in the window`, 'path.sessionId')
      return c.json(session, 200)
    })
}
