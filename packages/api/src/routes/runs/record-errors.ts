/**
 * The run repository's refusals as the API's errors: a linked record
 * missing from the project is a 404, a value that contradicts stored data
 * a 400, a status change of a finished run a 409; each names `body.<field>`.
 */
import { RecordInputError } from '@assay/store'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../../errors.js'

const STATUS: Record<RecordInputError['problem'], ContentfulStatusCode> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
}

export async function recording<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof RecordInputError) {
      const field = `body.${error.field}`
      throw new ApiError(STATUS[error.problem], `${field}: ${error.message}`, field)
    }
    throw error
  }
}
