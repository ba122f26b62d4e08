/**
 * The API's one error type and its one handler (STYLE §5): every route
 * throws ApiError with a status and a message that names the bad field;
 * anything else is a 500 whose details stay in the log.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    /** The request field at fault, e.g. `query.from`. */
    readonly field?: string,
  ) {
    super(message)
  }
}

export interface ErrorBody {
  error: { message: string; field?: string }
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = {
    error: { message: error.message, ...(error.field ? { field: error.field } : {}) },
  }
  return c.json(body, error.status)
}
