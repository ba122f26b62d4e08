/**
 * Projects: listing and creation. Creating (and seeing every) project is
 * the admin's; an API key lists only its own project.
 */
import { createProject, getProject, listProjectPage } from '@assay/store'
import { requireAdmin } from '../../auth/principal.js'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import { createProjectRoute, listProjectsRoute } from './routes.js'

export function projectRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(listProjectsRoute, async (c) => {
      const principal = c.get('principal')
      if (principal.kind === 'key') {
        const own = await getProject(db, principal.key.projectId)
        return c.json({ items: own ? [own] : [] }, 200)
      }
      const q = c.req.valid('query')
      return c.json(await searching(listProjectPage(db, { limit: q.limit, cursor: q.cursor })), 200)
    })
    .openapi(createProjectRoute, async (c) => {
      requireAdmin(c)
      const project = await createProject(db, c.req.valid('json'))
      if (!project) throw new ApiError(409, 'a project with this id or name exists', 'body.id')
      return c.json(project, 201)
    })
}
