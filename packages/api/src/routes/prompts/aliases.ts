/**
 * Aliases: `PUT /api/prompts/{name}/aliases/{alias} {version}` moves one
 * (creating it if new), `DELETE` removes it, `GET .../aliases` lists them,
 * `GET .../aliases/history` pages through every move, newest first.
 * `latest` is implicit and reserved: setting it is a 400 naming `path.alias`.
 */
import { deletePromptAlias, listPromptAliases, listPromptAliasHistory, setPromptAlias } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { CursorParam, LimitParam } from '../search/schemas.js'
import { lookingUp } from './lookup-errors.js'
import {
  AliasParam,
  error,
  json,
  NameParam,
  PromptAliasBody,
  PromptAliasChangeBody,
  page,
  SetAliasBody,
} from './schemas.js'

const params = z.object({ name: NameParam, alias: AliasParam })

const setAliasRoute = createRoute({
  method: 'put',
  path: '/prompts/{name}/aliases/{alias}',
  tags: ['prompts'],
  summary: 'Point an alias at a version (the move is recorded)',
  request: {
    params,
    body: { content: { 'application/json': { schema: SetAliasBody } }, required: true },
  },
  responses: {
    200: json(PromptAliasBody, 'The alias'),
    400: error('Bad alias (latest is reserved) or version'),
    404: error('No such prompt or version'),
  },
})

const deleteAliasRoute = createRoute({
  method: 'delete',
  path: '/prompts/{name}/aliases/{alias}',
  tags: ['prompts'],
  summary: 'Remove an alias (the removal is recorded)',
  request: { params },
  responses: {
    204: { description: 'Removed' },
    400: error('Bad alias'),
    404: error('No such prompt or alias'),
  },
})

const listAliasesRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}/aliases',
  tags: ['prompts'],
  summary: "A prompt's aliases by name (a handful, so one page)",
  request: { params: z.object({ name: NameParam }) },
  responses: {
    200: json(z.object({ items: z.array(PromptAliasBody) }), 'The aliases'),
    404: error('No such prompt'),
  },
})

const aliasHistoryRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}/aliases/history',
  tags: ['prompts'],
  summary: 'Every move of the prompt’s aliases, newest first',
  request: {
    params: z.object({ name: NameParam }),
    query: z.object({
      alias: AliasParam.optional().openapi({ param: { name: 'alias', in: 'query' } }),
      limit: LimitParam.optional(),
      cursor: CursorParam.optional(),
    }),
  },
  responses: {
    200: json(page(PromptAliasChangeBody), 'One page of moves'),
    400: error('Bad query'),
    404: error('No such prompt'),
  },
})

export function promptAliasRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(aliasHistoryRoute, async (c) => {
      const { name } = c.req.valid('param')
      const page = await lookingUp(listPromptAliasHistory(db, c.get('projectId'), name, c.req.valid('query')))
      return c.json(page, 200)
    })
    .openapi(setAliasRoute, async (c) => {
      const { name, alias } = c.req.valid('param')
      const { version } = c.req.valid('json')
      const moved = await lookingUp(setPromptAlias(db, c.get('projectId'), name, alias, version), {
        prompt: 'path.name',
        version: 'body.version',
      })
      return c.json(moved, 200)
    })
    .openapi(deleteAliasRoute, async (c) => {
      const { name, alias } = c.req.valid('param')
      const removed = await lookingUp(deletePromptAlias(db, c.get('projectId'), name, alias))
      if (!removed)
        throw new ApiError(404, `path.alias: prompt '${name}' has no alias '${alias}'`, 'path.alias')
      return c.body(null, 204)
    })
    .openapi(listAliasesRoute, async (c) => {
      const { name } = c.req.valid('param')
      return c.json({ items: await lookingUp(listPromptAliases(db, c.get('projectId'), name)) }, 200)
    })
}
