/** A suite file that cannot be run as written: the CLI prints the message and exits 2. */
export class SuiteError extends Error {
  override name = 'SuiteError'
}
