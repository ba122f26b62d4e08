/**
 * The API's front door: decides who a request is (`principal`) and which
 * project it acts on (`projectId`), before any route runs.
 *
 * - Auth off: everyone is `open`; the project is `X-Assay-Project` or
 *   `?project=`, else the server's default.
 * - Auth on: an `Authorization` key (Bearer, or Basic public:secret)
 *   decides the project: naming another one is a 403, a bad or revoked key
 *   a 401. Without a key, the dashboard's session cookie makes the request
 *   the admin's, on the project it names (default `default`). Neither: 401.
 * - Keys also need the scope for the method (`read` for GET, `write` for
 *   the rest); project and key management checks its own rules.
 *
 * `openapi.json` and sign-in/out are open to all.
 */
import { DEFAULT_PROJECT_ID, ProjectId } from '@assay/core'
import { findLiveSession, getProject } from '@assay/store'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { ApiDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { hasScope, type Principal, scopeForMethod } from './principal.js'
import { SESSION_COOKIE, sessionIdOf } from './session-token.js'

const PUBLIC_PATHS = new Set(['/openapi.json', '/auth/signin', '/auth/signout'])

/** The path below the API's mount point (`/api/traces` and `/traces` are the same route). */
function routePath(path: string): string {
  return path.startsWith('/api/') ? path.slice(4) : path
}

function requestedProject(c: Context): { id: string; field: string } | undefined {
  const header = c.req.header('x-assay-project')
  const query = c.req.query('project')
  const [id, field] = header ? [header, 'header.x-assay-project'] : query ? [query, 'query.project'] : []
  if (id === undefined || field === undefined) return undefined
  if (!ProjectId.safeParse(id).success) throw new ApiError(400, `${field}: not a project id`, field)
  return { id, field }
}

function unauthenticated(c: Context, message: string): ApiError {
  c.header('WWW-Authenticate', 'Bearer realm="assay"')
  return new ApiError(401, message)
}

export function authMiddleware(deps: ApiDeps): MiddlewareHandler {
  const db = deps.postgres.db
  return async (c, next) => {
    const path = routePath(c.req.path)
    if (PUBLIC_PATHS.has(path)) {
      c.set('principal', { kind: 'open' })
      c.set('projectId', DEFAULT_PROJECT_ID)
      return next()
    }
    const requested = requestedProject(c)
    let principal: Principal = { kind: 'open' }
    if (deps.auth?.required) {
      const authorization = c.req.header('authorization')
      if (authorization) {
        const key = await deps.auth.keyOf(authorization)
        if (!key) throw unauthenticated(c, 'invalid or revoked API key')
        if (requested && requested.id !== key.projectId)
          throw new ApiError(403, 'this API key belongs to another project', requested.field)
        principal = { kind: 'key', key }
        const scope = scopeForMethod(c.req.method)
        if (!path.startsWith('/projects') && !path.startsWith('/auth/') && !hasScope(principal, scope))
          throw new ApiError(403, `this API key lacks the '${scope}' scope`)
      } else {
        const token = getCookie(c, SESSION_COOKIE)
        const session = token ? await findLiveSession(db, sessionIdOf(token)) : null
        if (!session) throw unauthenticated(c, 'sign in, or send an API key as Authorization: Bearer <key>')
        principal = { kind: 'admin', sessionId: session.id }
      }
    }
    c.set('principal', principal)
    if (principal.kind === 'key') {
      c.set('projectId', principal.key.projectId)
    } else if (requested) {
      if (!(await getProject(db, requested.id)))
        throw new ApiError(404, `project ${requested.id} not found`, requested.field)
      c.set('projectId', requested.id)
    } else {
      c.set('projectId', deps.auth?.required ? DEFAULT_PROJECT_ID : await deps.projectOf(c.req.raw))
    }
    return next()
  }
}
