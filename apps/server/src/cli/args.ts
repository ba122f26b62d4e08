/**
 * Command-line parsing for `assay`. Flags mirror the environment variables
 * they override (`--port` = PORT, `--host` = HOST, `--data-dir` = ASSAY_DATA_DIR).
 */
import { parseArgs } from 'node:util'
import { ConfigError, type ConfigOverrides } from '../config/config.js'

export const COMMANDS = ['serve', 'collector', 'migrate', 'eval', 'help', 'version'] as const
export type Command = (typeof COMMANDS)[number]

export interface ParsedArgs {
  command: Command
  overrides: ConfigOverrides
  /** `assay eval`'s own arguments, parsed by `eval/eval-options.ts`. */
  evalArgs?: string[]
}

export const USAGE = `Usage: assay [command] [options]

Commands:
  serve      run the server: API, OTLP collector and dashboard on one port (default)
  collector  run only the OTLP collector (HTTP and gRPC), to scale ingestion apart from the API
  migrate    apply storage migrations and exit
  eval       run an evaluation suite for CI: 'assay eval suite.eval.ts' ('assay eval --help')
  help       show this help
  version    print the version

Options (each overrides its environment variable):
  --port <n>        PORT            (default 4318)
  --host <addr>     HOST            (default 127.0.0.1)
  --data-dir <dir>  ASSAY_DATA_DIR  (default ./.assay)
`

export function parseCommandLine(argv: string[]): ParsedArgs {
  // `eval` has flags of its own (--junit, --baseline...): hand them over unparsed.
  if (argv[0] === 'eval') return { command: 'eval', overrides: {}, evalArgs: argv.slice(1) }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}; run 'assay help' for usage`)
  }
  const { values, positionals } = parsed
  const first = positionals[0] ?? 'serve'
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new ConfigError(`unknown command '${first}'; expected one of ${COMMANDS.join(', ')}`)
  }
  if (positionals.length > 1) throw new ConfigError(`unexpected argument '${positionals[1]}'`)
  const command: Command = values.help ? 'help' : values.version ? 'version' : (first as Command)
  return {
    command,
    overrides: {
      port: values.port as string | undefined,
      host: values.host as string | undefined,
      dataDir: values['data-dir'] as string | undefined,
    },
  }
}
