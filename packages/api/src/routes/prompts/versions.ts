/**
 * Versions of a prompt: register the next one (`POST`, the prompt is
 * created on its first version), list them newest first, get one.
 */
import { getPromptVersion, listPromptVersions, registerPromptVersion } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { createRouter } from '../../router.js'
import { CursorParam, LimitParam } from '../search/schemas.js'
import { lookingUp } from './lookup-errors.js'
import {
  error,
  json,
  NameParam,
  PromptVersionBody,
  page,
  RegisterVersionBody,
  VersionParam,
} from './schemas.js'

const registerVersionRoute = createRoute({
  method: 'post',
  path: '/prompts/{name}/versions',
  tags: ['prompts'],
  summary: 'Register the next version of a prompt',
  description:
    'Versions are immutable and numbered from 1 per name; concurrent registrations get distinct numbers. The prompt is created if it does not exist.',
  request: {
    params: z.object({ name: NameParam }),
    body: { content: { 'application/json': { schema: RegisterVersionBody } }, required: true },
  },
  responses: { 201: json(PromptVersionBody, 'The new version'), 400: error('Bad input') },
})

const listVersionsRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}/versions',
  tags: ['prompts'],
  summary: "A prompt's versions, newest first",
  request: {
    params: z.object({ name: NameParam }),
    query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }),
  },
  responses: {
    200: json(page(PromptVersionBody), 'One page of versions'),
    400: error('Bad query'),
    404: error('No such prompt'),
  },
})

const getVersionRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}/versions/{version}',
  tags: ['prompts'],
  summary: 'One version of a prompt',
  request: { params: z.object({ name: NameParam, version: VersionParam }) },
  responses: {
    200: json(PromptVersionBody, 'The version'),
    400: error('Bad name or version'),
    404: error('No such prompt or version'),
  },
})

export function promptVersionRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(registerVersionRoute, async (c) => {
      const { name } = c.req.valid('param')
      const version = await registerPromptVersion(db, c.get('projectId'), name, c.req.valid('json'))
      return c.json({ ...version, name }, 201)
    })
    .openapi(listVersionsRoute, async (c) => {
      const { name } = c.req.valid('param')
      const found = await lookingUp(listPromptVersions(db, c.get('projectId'), name, c.req.valid('query')))
      return c.json({ ...found, items: found.items.map((v) => ({ ...v, name })) }, 200)
    })
    .openapi(getVersionRoute, async (c) => {
      const { name, version } = c.req.valid('param')
      const found = await lookingUp(getPromptVersion(db, c.get('projectId'), name, version))
      return c.json({ ...found, name }, 200)
    })
}
