/**
 * The annotation repositories' refusals as the API's errors: a missing
 * record is a 404, a value that breaks a rule a 400, a state that forbids
 * the change (a taken name, a schema a queue shows, skipping a labelled
 * item) a 409. Store fields that are path parameters (`id`, `itemId`) are
 * named `path.*`; the rest are the body's.
 */
import { RecordInputError } from '@assay/store'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../../errors.js'

const STATUS: Record<RecordInputError['problem'], ContentfulStatusCode> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
}
const PATH_FIELDS = new Set(['id', 'itemId'])

export async function annotating<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (!(error instanceof RecordInputError)) throw error
    const field = `${PATH_FIELDS.has(error.field) ? 'path' : 'body'}.${error.field}`
    throw new ApiError(STATUS[error.problem], `${field}: ${error.message}`, field)
  }
}

export const notFound = (field: string, what: string) => new ApiError(404, `${field}: no ${what}`, field)
