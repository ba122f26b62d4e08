/**
 * Schema failures of these routes answer 400 naming the field as the API's
 * own errors do: `body.value`, `path.id`, `query.bucket`. The app-wide hook
 * names targets as the validator does (`json.*`, `param.*`); this one maps
 * them, and is used by every router (`router.ts`).
 */
import type { Hook } from '@hono/zod-openapi'
import { ApiError, errorResponse } from './errors.js'

const TARGET_NAMES: Record<string, string> = { json: 'body', param: 'path', form: 'body' }

// biome-ignore lint/suspicious/noExplicitAny: the hook serves routes of every input type
export const requestFieldHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return
  const issue = result.error.issues[0]!
  const field = [TARGET_NAMES[result.target] ?? result.target, ...issue.path.map(String)].join('.')
  return errorResponse(c, new ApiError(400, `${field}: ${issue.message}`, field))
}
