/** Trace and span ids in paths: hex, lower-cased; anything else is a 400 naming the parameter. */
import { z } from '@hono/zod-openapi'
import { ApiError } from '../../errors.js'

const TRACE_ID = /^[0-9a-f]{32}$/
const SPAN_ID = /^[0-9a-f]{16}$/

export const SpanIdParam = z
  .string()
  .openapi({ param: { name: 'spanId', in: 'path' }, example: '051581bf3cb55c13' })

export function traceIdOf(raw: string): string {
  const id = raw.toLowerCase()
  if (!TRACE_ID.test(id)) throw new ApiError(400, 'traceId must be 32 hex characters', 'path.traceId')
  return id
}

export function spanIdOf(raw: string): string {
  const id = raw.toLowerCase()
  if (!SPAN_ID.test(id)) throw new ApiError(400, 'spanId must be 16 hex characters', 'path.spanId')
  return id
}
