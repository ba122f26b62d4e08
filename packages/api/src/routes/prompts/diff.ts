/** `GET /api/prompts/{name}/diff?from=1&to=3`: what changed between two versions (see `version-diff.ts`). */
import { getPromptVersion } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { lookingUp } from './lookup-errors.js'
import { error, json, NameParam } from './schemas.js'
import { diffVersions } from './version-diff.js'

const VersionQuery = z.coerce.number().int().positive().max(2_147_483_647)

const PromptDiffBody = z
  .object({
    name: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    template: z.object({
      changed: z.boolean(),
      lines: z.array(z.object({ op: z.enum(['equal', 'add', 'remove']), text: z.string() })),
      patch: z.string().openapi({ description: 'The same diff in unified format' }),
    }),
    modelConfig: z
      .array(z.object({ key: z.string(), from: z.unknown().optional(), to: z.unknown().optional() }))
      .openapi({ description: 'Keys whose values differ; from/to absent where the key is' }),
    responseFormat: z.object({ changed: z.boolean(), from: z.unknown(), to: z.unknown() }),
  })
  .openapi('PromptDiff')

const diffRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}/diff',
  tags: ['prompts'],
  summary: 'What changed between two versions of a prompt',
  request: {
    params: z.object({ name: NameParam }),
    query: z.object({ from: VersionQuery, to: VersionQuery }),
  },
  responses: {
    200: json(PromptDiffBody, 'The differences'),
    400: error('Bad version numbers'),
    404: error('No such prompt or version (the field names which)'),
  },
})

export function promptDiffRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter().openapi(diffRoute, async (c) => {
    const { name } = c.req.valid('param')
    const q = c.req.valid('query')
    const projectId = c.get('projectId')
    const [from, to] = await Promise.all([
      lookingUp(getPromptVersion(db, projectId, name, q.from), {
        prompt: 'path.name',
        version: 'query.from',
      }),
      lookingUp(getPromptVersion(db, projectId, name, q.to), { prompt: 'path.name', version: 'query.to' }),
    ])
    return c.json({ name, from: q.from, to: q.to, ...diffVersions(name, from, to) }, 200)
  })
}
