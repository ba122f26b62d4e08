/**
 * Who is making a request, as the auth middleware decided, and what they
 * may do. `open` is every request when auth is off (a loopback server):
 * full rights. `admin` is the dashboard's signed-in session: every
 * project. `key` is an API key: its own project, within its scopes.
 */
import type { ApiKey, ApiKeyScope } from '@assay/core'
import type { Context } from 'hono'
import { ApiError } from '../errors.js'

export type Principal = { kind: 'open' } | { kind: 'admin'; sessionId: string } | { kind: 'key'; key: ApiKey }

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal
  }
}

export function hasScope(principal: Principal, scope: ApiKeyScope): boolean {
  if (principal.kind !== 'key') return true
  return principal.key.scopes.includes(scope) || principal.key.scopes.includes('admin')
}

/** The scope an API request needs: reads need `read`, everything else `write`. */
export function scopeForMethod(method: string): ApiKeyScope {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write'
}

/** Creating and listing every project is the admin's (or anyone's, with auth off); a key gets 403. */
export function requireAdmin(c: Context): void {
  const principal = c.get('principal')
  if (principal.kind === 'key') throw new ApiError(403, 'an API key cannot manage projects; sign in as admin')
}

/**
 * Managing a project's keys: the admin, or a key of that very project with
 * the `admin` scope. A key never learns whether another project exists.
 */
export function requireProjectAdmin(c: Context, projectId: string): void {
  const principal = c.get('principal')
  if (principal.kind !== 'key') return
  if (principal.key.projectId !== projectId)
    throw new ApiError(403, 'this API key belongs to another project', 'path.projectId')
  if (!hasScope(principal, 'admin')) throw new ApiError(403, "managing keys needs the 'admin' scope")
}
