/**
 * The dataset repository's refusals as the API's 4xx answers: an unknown
 * dataset names `path.datasetId`, a version not reached names
 * `query.version`, a cursor from elsewhere names `query.cursor`. Anything
 * else propagates to the app's error handler.
 */
import { DatasetNotFoundError, DatasetVersionError } from '@assay/store'
import { ApiError } from '../../errors.js'
import { searching } from '../search/store-errors.js'

export async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await searching(work)
  } catch (error) {
    if (error instanceof DatasetNotFoundError) {
      throw new ApiError(404, `path.datasetId: ${error.message}`, 'path.datasetId')
    }
    if (error instanceof DatasetVersionError) {
      throw new ApiError(400, `query.version: ${error.message}`, 'query.version')
    }
    throw error
  }
}
