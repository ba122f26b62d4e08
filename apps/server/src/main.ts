/**
 * The `assay` command's entry point: parse the command line, load the
 * configuration, run the command, and turn errors into one clear line and a
 * documented exit code.
 */
import { createRequire } from 'node:module'
import { parseCommandLine, USAGE } from './cli/args.js'
import { EXIT } from './cli/exit-codes.js'
import { loadConfig } from './config/config.js'
import { createLogger } from './logger.js'

const version: string = createRequire(import.meta.url)('../package.json').version

/** Errors a user fixes by changing configuration: printed as one line, exit 2. */
function isConfigError(error: unknown): error is Error {
  return error instanceof Error && /ConfigError$/.test(error.name)
}

async function main(argv: string[]): Promise<number> {
  const { command, overrides, evalArgs } = parseCommandLine(argv)
  if (command === 'eval') {
    // Its own flags and exit codes (2 for any error): see eval/eval-command.ts.
    const { runEvalCommand } = await import('./eval/eval-command.js')
    return runEvalCommand(evalArgs ?? [], process.env)
  }
  if (command === 'help') {
    process.stdout.write(USAGE)
    return EXIT.ok
  }
  if (command === 'version') {
    process.stdout.write(`assay ${version}\n`)
    return EXIT.ok
  }
  const config = loadConfig(process.env, overrides)
  const logger = createLogger(config.logLevel)
  // Storage modules load native engines: import them only for commands that need them.
  if (command === 'migrate') {
    const { runMigrate } = await import('./cli/migrate.js')
    await runMigrate(config, logger)
    return EXIT.ok
  }
  const { startServer } = await import('./serve.js')
  const running = await startServer(config, logger, { api: command === 'serve' })
  await new Promise<void>((resolve) => {
    let signals = 0
    const onSignal = (signal: NodeJS.Signals) => {
      signals++
      if (signals > 1) {
        logger.warn({ signal }, 'second signal: exiting without a clean shutdown')
        process.exit(EXIT.failure)
      }
      logger.info({ signal }, 'shutting down')
      running.stop().then(resolve, (error) => {
        logger.error({ err: error }, 'error during shutdown')
        resolve()
      })
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
  return EXIT.ok
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isConfigError(error)) {
      process.stderr.write(`assay: ${error.message}\n`)
      process.exit(EXIT.config)
    }
    process.stderr.write(
      `assay: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(EXIT.failure)
  },
)
