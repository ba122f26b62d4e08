/**
 * `GET /api/prompts/resolve?ref=` — the version a reference means right now
 * (`name` is the latest version, `name/3`, `name@production`), with an ETag;
 * `If-None-Match` with the same tag answers 304 with no body. Aliases move,
 * so the answer is `Cache-Control: no-cache`: cache it, but revalidate.
 */
import { type PromptReference, parsePromptReference } from '@assay/core'
import { getPromptVersionById, resolvePromptReference } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { etagMatches, promptEtag } from './etag.js'
import { lookingUp } from './lookup-errors.js'
import { error, json, RefParam, ResolvedPromptBody } from './schemas.js'

/** A reference from a request, or a 400 naming `field`. */
export function referenceOf(ref: string, field: string): PromptReference {
  const parsed = parsePromptReference(ref)
  if (!parsed) {
    throw new ApiError(
      400,
      `${field}: '${ref.slice(0, 100)}' is not a prompt reference (name, name/3 or name@alias)`,
      field,
    )
  }
  return parsed
}

const resolveRoute = createRoute({
  method: 'get',
  path: '/prompts/resolve',
  tags: ['prompts'],
  summary: 'Resolve a prompt reference to a version',
  request: {
    query: z.object({ ref: RefParam }),
    headers: z.object({ 'if-none-match': z.string().max(1024).optional() }),
  },
  responses: {
    200: {
      ...json(ResolvedPromptBody, 'The version the reference means'),
      headers: z.object({ ETag: z.string(), 'Cache-Control': z.string() }),
    },
    304: { description: 'Unchanged since the ETag in If-None-Match' },
    400: error('Not a prompt reference'),
    404: error('No such prompt, version or alias (the field names which)'),
  },
})

export function promptResolveRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter().openapi(resolveRoute, async (c) => {
    const { ref } = c.req.valid('query')
    const projectId = c.get('projectId')
    const field = 'query.ref'
    const target = await lookingUp(resolvePromptReference(db, projectId, referenceOf(ref, field)), {
      prompt: field,
    })
    const etag = promptEtag(target.promptId, target.version)
    c.header('ETag', etag)
    c.header('Cache-Control', 'no-cache')
    if (etagMatches(c.req.valid('header')['if-none-match'], etag)) return c.body(null, 304)
    const version = await getPromptVersionById(db, projectId, target.promptId, target.version)
    // Versions are immutable and only go away with their prompt, deleted between the two reads.
    if (!version) throw new ApiError(404, `query.ref: prompt '${target.name}' does not exist`, field)
    const alias = target.alias === undefined ? {} : { alias: target.alias }
    return c.json({ ...version, name: target.name, ...alias }, 200)
  })
}
