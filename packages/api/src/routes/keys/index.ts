/**
 * API-key management for one project. The admin manages every project's
 * keys; a key with the `admin` scope manages its own project's (never
 * another's: 403, without saying whether that project exists). Revoking
 * drops the key from this process's cache at once.
 */
import { getProject, insertApiKey, listApiKeys, revokeApiKey } from '@assay/store'
import { generateApiKey } from '../../auth/key-format.js'
import { requireProjectAdmin } from '../../auth/principal.js'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { searching } from '../search/store-errors.js'
import { createKeyRoute, listKeysRoute, revokeKeyRoute } from './routes.js'

export function keyRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  const notFound = (projectId: string) =>
    new ApiError(404, `project ${projectId} not found`, 'path.projectId')
  return createRouter()
    .openapi(createKeyRoute, async (c) => {
      const { projectId } = c.req.valid('param')
      requireProjectAdmin(c, projectId)
      const body = c.req.valid('json')
      const generated = generateApiKey()
      const key = await insertApiKey(db, {
        projectId,
        name: body.name,
        scopes: body.scopes,
        prefix: generated.prefix,
        secretHash: generated.secretHash,
      })
      if (!key) throw notFound(projectId)
      return c.json({ key, secret: generated.token }, 201)
    })
    .openapi(listKeysRoute, async (c) => {
      const { projectId } = c.req.valid('param')
      requireProjectAdmin(c, projectId)
      if (!(await getProject(db, projectId))) throw notFound(projectId)
      const q = c.req.valid('query')
      return c.json(await searching(listApiKeys(db, projectId, { limit: q.limit, cursor: q.cursor })), 200)
    })
    .openapi(revokeKeyRoute, async (c) => {
      const { projectId, keyId } = c.req.valid('param')
      requireProjectAdmin(c, projectId)
      const key = await revokeApiKey(db, projectId, keyId)
      if (!key) throw new ApiError(404, `key ${keyId} not found in project ${projectId}`, 'path.keyId')
      deps.auth?.keys.invalidate(key.prefix)
      return c.json(key, 200)
    })
}
