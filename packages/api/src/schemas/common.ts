/** Request and response pieces shared by the routes, as zod schemas with OpenAPI metadata. */
import { z } from '@hono/zod-openapi'

export const ErrorSchema = z
  .object({ error: z.object({ message: z.string(), field: z.string().optional() }) })
  .openapi('Error')

/** A time bound: an ISO 8601 date-time, or nanoseconds since the epoch as a decimal string. */
export const TimeParam = z.string().openapi({ example: '2026-11-28T00:00:00Z' })

export const TraceIdParam = z
  .string()
  .openapi({ param: { name: 'traceId', in: 'path' }, example: '5b8efff798038103d269b633813fc60c' })

/** Page size and the opaque cursor of the previous page, for every list. */
export const LimitParam = z.coerce.number().int().min(1).max(1000)
export const CursorParam = z.string().max(4096).openapi({ description: 'nextCursor of the previous page' })
