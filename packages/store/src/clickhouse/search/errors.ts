/**
 * Search input the store refuses (as opposed to a failed query): the option
 * at fault is named so the API can answer a 400 that points at the request
 * field. A bad cursor is the store's existing `InvalidCursorError`.
 */

export class InvalidSearchError extends Error {
  override name = 'InvalidSearchError'
  constructor(
    message: string,
    /** The option at fault, e.g. `bucket`, `sort`. */
    readonly option: string,
  ) {
    super(message)
  }
}
