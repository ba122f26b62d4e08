/**
 * Input the LoggedModel, evaluator and run repositories refuse, naming the
 * input field at fault (`datasetId`, `evaluators.1.version`, `status`) so
 * the API can answer with a status and a `body.<field>` without knowing the
 * store's rules: `not_found` for a linked record missing from the project,
 * `invalid` for a value that contradicts stored data, `conflict` for a
 * change the record's state forbids.
 */

export type RecordInputProblem = 'not_found' | 'invalid' | 'conflict'

export class RecordInputError extends Error {
  override name = 'RecordInputError'
  constructor(
    readonly problem: RecordInputProblem,
    /** Path of the input field, dot-separated: `loggedModelId`, `evaluators.0.name`. */
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}
