/** A project's API keys: create (the secret shown once), list, revoke — as OpenAPI routes. */
import { ApiKey, CreateApiKeyInput } from '@assay/core'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { CursorParam, LimitParam } from '../search/schemas.js'

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const ApiKeySchema = z.object(ApiKey.shape).openapi('ApiKey')

const ProjectIdParam = z.string().openapi({ param: { name: 'projectId', in: 'path' }, example: 'default' })
const KeyIdParam = z.string().openapi({ param: { name: 'keyId', in: 'path' } })

const denied = {
  403: error('An API key of another project, or without the admin scope'),
  404: error('No such project or key'),
}

export const createKeyRoute = createRoute({
  method: 'post',
  path: '/projects/{projectId}/keys',
  tags: ['keys'],
  summary: 'Create an API key; the answer holds its secret, shown this once',
  request: {
    params: z.object({ projectId: ProjectIdParam }),
    body: { content: { 'application/json': { schema: CreateApiKeyInput } }, required: true },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z
            .object({
              key: ApiKeySchema,
              secret: z
                .string()
                .openapi({ description: 'The whole key to send as Bearer; never shown again' }),
            })
            .openapi('CreatedApiKey'),
        },
      },
      description: 'The new key and its secret',
    },
    400: error('Bad input'),
    ...denied,
  },
})

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/projects/{projectId}/keys',
  tags: ['keys'],
  summary: "A project's API keys, newest first (prefix, name, scopes, times; never the secret)",
  request: {
    params: z.object({ projectId: ProjectIdParam }),
    query: z.object({ limit: LimitParam.optional(), cursor: CursorParam.optional() }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ApiKeySchema), nextCursor: z.string().optional() }),
        },
      },
      description: 'One page of keys',
    },
    400: error('Bad query'),
    ...denied,
  },
})

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/projects/{projectId}/keys/{keyId}',
  tags: ['keys'],
  summary: 'Revoke an API key; it stops working at once',
  request: { params: z.object({ projectId: ProjectIdParam, keyId: KeyIdParam }) },
  responses: {
    200: { content: { 'application/json': { schema: ApiKeySchema } }, description: 'The revoked key' },
    ...denied,
  },
})
