/**
 * `GET /api/prompts/{name}/versions/{version}/traces`: the traces whose
 * spans used this version (the `prompt_name` / `prompt_version` span
 * columns), as the trace search answers them: window, sort, cursor. It is
 * the trace search with the filter `prompt = "name/version"`, so the two
 * can never disagree.
 */
import { parseFilter } from '@assay/core'
import { getPromptVersion, searchTraces } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { SearchQuery, TraceSearchPage } from '../search/schemas.js'
import { lookingUp } from './lookup-errors.js'
import { error, json, NameParam, VersionParam } from './schemas.js'

const versionTracesRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}/versions/{version}/traces',
  tags: ['prompts'],
  summary: 'Traces that used a version of a prompt',
  description: 'Traces in the window (default: the last 24 hours) with a span linked to this version.',
  request: {
    params: z.object({ name: NameParam, version: VersionParam }),
    query: SearchQuery.omit({ filter: true }),
  },
  responses: {
    200: json(TraceSearchPage, 'One page of trace summaries'),
    400: error('Bad query'),
    404: error('No such prompt or version'),
  },
})

export function promptTraceRoutes(deps: ApiDeps) {
  return createRouter().openapi(versionTracesRoute, async (c) => {
    const { name, version } = c.req.valid('param')
    const q = c.req.valid('query')
    const projectId = c.get('projectId')
    await lookingUp(getPromptVersion(deps.postgres.db, projectId, name, version))
    // Prompt names are letters, digits, `_`, `.` and `-`, so quoting the reference is safe.
    const filter = parseFilter(`prompt = "${name}/${version}"`)
    const page = await lookingUp(
      searchTraces(deps.clickhouse, {
        projectId,
        ...timeWindow(q.from, q.to),
        filter,
        sort: q.sort,
        order: q.order,
        limit: q.limit,
        cursor: q.cursor,
      }),
    )
    return c.json(page, 200)
  })
}
