/**
 * The store's refusals of search input, as the API's 400s: a cursor it did
 * not issue (or issued for another sort or filter) names `query.cursor`; an
 * option it rejects (a bucket too small for the window) names that query
 * field. Everything else propagates to the app's error handler.
 */
import { InvalidCursorError, InvalidSearchError } from '@assay/store'
import { ApiError } from '../../errors.js'

const QUERY_FIELDS: Record<string, string> = {
  bucket: 'query.bucket',
  sort: 'query.sort',
  filter: 'query.filter',
}

export async function searching<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ApiError(400, `query.cursor: ${error.message}`, 'query.cursor')
    }
    if (error instanceof InvalidSearchError) {
      const field = QUERY_FIELDS[error.option] ?? `query.${error.option}`
      throw new ApiError(400, `${field}: ${error.message}`, field)
    }
    throw error
  }
}
