/** Dashboard sign-in, sign-out and "who am I", as OpenAPI routes. */
import { ApiKey } from '@assay/core'
import { createRoute, z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'

const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const signInRoute = createRoute({
  method: 'post',
  path: '/auth/signin',
  tags: ['auth'],
  summary: 'Sign in to the dashboard with the admin secret; sets an HTTP-only session cookie',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ secret: z.string().min(1).max(1024) }) } },
      required: true,
    },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
      description: 'Signed in',
    },
    400: error('Bad input'),
    401: error('Wrong secret'),
    409: error('Authentication is off on this server'),
    429: error('Too many failed sign-ins from this address; see Retry-After'),
  },
})

export const signOutRoute = createRoute({
  method: 'post',
  path: '/auth/signout',
  tags: ['auth'],
  summary: 'End the dashboard session and clear its cookie',
  responses: { 204: { description: 'Signed out (also when there was no session)' } },
})

export const Me = z
  .object({
    authRequired: z.boolean(),
    kind: z.enum(['open', 'admin', 'key']),
    projectId: z.string(),
    key: ApiKey.pick({ id: true, prefix: true, name: true, scopes: true }).optional(),
  })
  .openapi('Me')

export const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'Who the request is: open (auth off), the signed-in admin, or an API key, and its project',
  responses: {
    200: { content: { 'application/json': { schema: Me } }, description: 'The caller' },
    401: error('Not signed in and no API key'),
  },
})
