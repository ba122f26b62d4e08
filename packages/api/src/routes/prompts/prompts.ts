/** `POST /api/prompts` (create a name), `GET /api/prompts` (list), `GET /api/prompts/{name}` (one, with its aliases). */
import { createPrompt, getPrompt, listPromptAliases, listPrompts } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { CursorParam, LimitParam } from '../search/schemas.js'
import { lookingUp } from './lookup-errors.js'
import { CreatePromptBody, error, json, NameParam, PromptBody, PromptWithAliases, page } from './schemas.js'

const createPromptRoute = createRoute({
  method: 'post',
  path: '/prompts',
  tags: ['prompts'],
  summary: 'Create a prompt (a name; versions are registered under it)',
  request: { body: { content: { 'application/json': { schema: CreatePromptBody } }, required: true } },
  responses: {
    201: json(PromptBody, 'The new prompt'),
    400: error('Bad input'),
    409: error('The name is taken'),
  },
})

const listPromptsRoute = createRoute({
  method: 'get',
  path: '/prompts',
  tags: ['prompts'],
  summary: 'List prompts by name',
  request: { query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }) },
  responses: { 200: json(page(PromptBody), 'One page of prompts'), 400: error('Bad query') },
})

const getPromptRoute = createRoute({
  method: 'get',
  path: '/prompts/{name}',
  tags: ['prompts'],
  summary: 'Get a prompt with its aliases',
  request: { params: z.object({ name: NameParam }) },
  responses: {
    200: json(PromptWithAliases, 'The prompt'),
    400: error('Bad name'),
    404: error('No such prompt'),
  },
})

export function promptNameRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(createPromptRoute, async (c) => {
      const body = c.req.valid('json')
      const prompt = await createPrompt(db, c.get('projectId'), body)
      if (!prompt) throw new ApiError(409, `body.name: prompt '${body.name}' already exists`, 'body.name')
      return c.json(prompt, 201)
    })
    .openapi(listPromptsRoute, async (c) => {
      const q = c.req.valid('query')
      return c.json(await lookingUp(listPrompts(db, c.get('projectId'), q)), 200)
    })
    .openapi(getPromptRoute, async (c) => {
      const { name } = c.req.valid('param')
      const projectId = c.get('projectId')
      const prompt = await getPrompt(db, projectId, name)
      if (!prompt) throw new ApiError(404, `path.name: prompt '${name}' does not exist`, 'path.name')
      return c.json({ ...prompt, aliases: await listPromptAliases(db, projectId, name) }, 200)
    })
}
