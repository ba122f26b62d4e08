/**
 * Who is labelling, for claims, skips and the `source_id` of the labels:
 * the signed-in dashboard user's id when there is a session; otherwise
 * (auth off, or an API key acting for someone) the name the client sends
 * as `body.user`, which is then required. A name is what a team without
 * accounts has, and a label without anyone behind it could not be
 * compared with a judge's.
 */
import { findLiveSession } from '@assay/store'
import type { Context } from 'hono'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'

export async function labellerOf(deps: ApiDeps, c: Context, sent: string | undefined): Promise<string> {
  const principal = c.get('principal')
  if (principal?.kind === 'admin') {
    const session = await findLiveSession(deps.postgres.db, principal.sessionId)
    if (session) return session.userId
  }
  if (sent === undefined)
    throw new ApiError(400, 'body.user: required unless signed in (who is labelling)', 'body.user')
  return sent
}
