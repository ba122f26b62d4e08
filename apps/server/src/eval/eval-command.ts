/**
 * `assay eval`: its own flags and exit codes. Unlike the server's commands,
 * every error here is exit 2 (a broken suite, a missing dataset, an
 * unreachable registry, a held data directory), so that 1 always means
 * "the suite ran and did not pass".
 */
import { EXIT } from '../cli/exit-codes.js'
import { calibrate } from './calibrate.js'
import { EVAL_USAGE, parseEvalOptions } from './eval-options.js'
import { runSuite } from './run-suite.js'

export async function runEvalCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  try {
    const options = parseEvalOptions(argv, env)
    if (options.command === 'help') {
      process.stdout.write(EVAL_USAGE)
      return EXIT.ok
    }
    return options.command === 'calibrate' ? await calibrate(options) : await runSuite(options, env)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`assay eval: ${message}\n`)
    if (env.ASSAY_EVAL_DEBUG && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`)
    return EXIT.config
  }
}
