/**
 * Dashboard sign-in with the admin secret. A success sets an HTTP-only,
 * SameSite=Strict session cookie (Secure over https); failures are counted
 * per client address and past five a minute answer 429 with Retry-After,
 * whatever the secret.
 */
import {
  ADMIN_USER_ID,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  ensureAdminUser,
  recordAdminSignIn,
} from '@assay/store'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { newSessionToken, SESSION_COOKIE, SESSION_TTL_MS, sessionIdOf } from '../../auth/session-token.js'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { meRoute, signInRoute, signOutRoute } from './routes.js'

/** The TCP peer (Node's socket, passed by @hono/node-server as `env.incoming`). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'unknown'
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

export function authRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(signInRoute, async (c) => {
      const auth = deps.auth
      if (!auth?.required) throw new ApiError(409, 'authentication is off on this server: no sign-in needed')
      const client = clientAddress(c)
      const wait = auth.signIns.retryAfterSeconds(client)
      if (wait > 0) {
        c.header('Retry-After', String(wait))
        throw new ApiError(429, `too many failed sign-ins; try again in ${wait} s`)
      }
      if (!(await auth.admin.verify(c.req.valid('json').secret))) {
        auth.signIns.recordFailure(client)
        throw new ApiError(401, 'wrong admin secret', 'body.secret')
      }
      auth.signIns.recordSuccess(client)
      await ensureAdminUser(db)
      const token = newSessionToken()
      const now = Date.now()
      await createSession(db, {
        id: sessionIdOf(token),
        userId: ADMIN_USER_ID,
        expiresAt: new Date(now + SESSION_TTL_MS),
      })
      await Promise.all([recordAdminSignIn(db), deleteExpiredSessions(db)])
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      })
      return c.json({ ok: true as const }, 200)
    })
    .openapi(signOutRoute, async (c) => {
      const token = getCookie(c, SESSION_COOKIE)
      if (token) await deleteSession(db, sessionIdOf(token))
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) })
      return c.body(null, 204)
    })
    .openapi(meRoute, (c) => {
      const principal = c.get('principal')
      const base = { authRequired: deps.auth?.required ?? false, projectId: c.get('projectId') }
      if (principal.kind !== 'key') return c.json({ ...base, kind: principal.kind }, 200)
      const { id, prefix, name, scopes } = principal.key
      return c.json({ ...base, kind: 'key' as const, key: { id, prefix, name, scopes } }, 200)
    })
}
