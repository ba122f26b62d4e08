/**
 * Rendering: a version's template filled with variables, by reference
 * (`POST /api/prompts/render {ref, variables}`) or by number
 * (`POST /api/prompts/{name}/versions/{version}/render {variables}`). A
 * missing, unknown or ill-typed variable is a 400 naming
 * `body.variables.<name>`. The answer carries the model config and
 * response format too, so a client has all it needs to make the call.
 */
import { PromptRenderError, type PromptVersion, renderPrompt } from '@assay/core'
import { getPromptVersion, getPromptVersionById, resolvePromptReference } from '@assay/store'
import { createRoute, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { lookingUp } from './lookup-errors.js'
import { referenceOf } from './resolve.js'
import { error, json, NameParam, RefParam, VersionParam } from './schemas.js'

const Variables = z
  .record(z.string().max(256), z.unknown())
  .default({})
  .openapi({ description: 'Values for `{{variable}}`s; a list of messages for each messages placeholder' })

const RenderedMessage = z.looseObject({ role: z.string(), content: z.unknown().optional() })
const RenderedPromptBody = z
  .object({
    name: z.string(),
    version: z.number().int(),
    rendered: z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ type: z.literal('chat'), messages: z.array(RenderedMessage) }),
    ]),
    modelConfig: z.record(z.string(), z.unknown()).nullable(),
    responseFormat: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('RenderedPrompt')

const renderByRefRoute = createRoute({
  method: 'post',
  path: '/prompts/render',
  tags: ['prompts'],
  summary: 'Render the version a reference means',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ ref: RefParam, variables: Variables }) } },
      required: true,
    },
  },
  responses: {
    200: json(RenderedPromptBody, 'The filled template'),
    400: error('Not a reference, or a missing, unknown or ill-typed variable'),
    404: error('No such prompt, version or alias'),
  },
})

const renderVersionRoute = createRoute({
  method: 'post',
  path: '/prompts/{name}/versions/{version}/render',
  tags: ['prompts'],
  summary: 'Render one version of a prompt',
  request: {
    params: z.object({ name: NameParam, version: VersionParam }),
    body: { content: { 'application/json': { schema: z.object({ variables: Variables }) } }, required: true },
  },
  responses: {
    200: json(RenderedPromptBody, 'The filled template'),
    400: error('A missing, unknown or ill-typed variable'),
    404: error('No such prompt or version'),
  },
})

function rendered(name: string, version: PromptVersion, variables: Record<string, unknown>) {
  try {
    return {
      name,
      version: version.version,
      rendered: renderPrompt(version.template, variables),
      modelConfig: version.modelConfig,
      responseFormat: version.responseFormat,
    }
  } catch (e) {
    if (!(e instanceof PromptRenderError)) throw e
    const field = `body.variables.${e.variable}`
    throw new ApiError(400, `${field}: ${e.message}`, field)
  }
}

export function promptRenderRoutes(deps: ApiDeps) {
  const db = deps.postgres.db
  return createRouter()
    .openapi(renderByRefRoute, async (c) => {
      const { ref, variables } = c.req.valid('json')
      const projectId = c.get('projectId')
      const target = await lookingUp(resolvePromptReference(db, projectId, referenceOf(ref, 'body.ref')), {
        prompt: 'body.ref',
      })
      const version = await getPromptVersionById(db, projectId, target.promptId, target.version)
      if (!version) throw new ApiError(404, `body.ref: prompt '${target.name}' does not exist`, 'body.ref')
      return c.json(rendered(target.name, version, variables), 200)
    })
    .openapi(renderVersionRoute, async (c) => {
      const { name, version } = c.req.valid('param')
      const found = await lookingUp(getPromptVersion(db, c.get('projectId'), name, version))
      return c.json(rendered(name, found, c.req.valid('json').variables), 200)
    })
}
