/**
 * Every route module builds its router here, so that a request failing its
 * schema gets the same 400 everywhere, naming the field (`query.limit`,
 * `body.value`, `path.traceId`).
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { requestFieldHook } from './request-fields.js'

export type ApiEnv = { Variables: { projectId: string } }

export function createRouter() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: requestFieldHook })
}
