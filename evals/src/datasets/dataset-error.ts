/**
 * The one error dataset loading throws: it names the file and, for a bad
 * row, the line it starts on, so the user can open the file at that line.
 */
export class DatasetError extends Error {
  override name = 'DatasetError'

  constructor(
    message: string,
    /** 1-based line where the bad row starts, when one row is at fault. */
    readonly line?: number,
  ) {
    super(message)
  }
}
