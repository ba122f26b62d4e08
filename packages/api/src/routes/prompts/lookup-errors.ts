/**
 * The registry's refusals as the API's answers: a prompt, version or alias
 * that does not exist is a 404 naming the request field that asked for it
 * (`path.name`, `query.ref`, `body.version`...); a cursor the store did not
 * issue is a 400 naming `query.cursor`.
 */
import { InvalidCursorError, PromptLookupError } from '@assay/store'
import { ApiError } from '../../errors.js'

/** The request field that names each part of a reference, for this route. */
export type LookupFields = Partial<Record<PromptLookupError['missing'], string>>

export const PATH_FIELDS: LookupFields = { prompt: 'path.name', version: 'path.version', alias: 'path.alias' }

export async function lookingUp<T>(work: Promise<T>, fields: LookupFields = PATH_FIELDS): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof PromptLookupError) {
      const field = fields[error.missing] ?? fields.prompt ?? 'path.name'
      throw new ApiError(404, `${field}: ${error.message}`, field)
    }
    if (error instanceof InvalidCursorError) {
      throw new ApiError(400, `query.cursor: ${error.message}`, 'query.cursor')
    }
    throw error
  }
}
