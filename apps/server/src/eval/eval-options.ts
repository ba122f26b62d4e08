/**
 * `assay eval` options: flags over environment over defaults, validated
 * once. The environment variables are the server's and the SDK's own
 * (`ASSAY_URL`, `ASSAY_API_KEY`, `ASSAY_PROJECT`, `ASSAY_DATA_DIR`).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError } from '../config/config.js'

export const EVAL_USAGE = `Usage: assay eval <suite.eval.ts> [options]
       assay eval calibrate --name <assessment> [--json]

Runs a suite (dataset, task, scorers, thresholds) and exits 0 when it passes,
1 when a threshold or the baseline comparison fails, 2 on a configuration or
runtime error.

Options:
  --junit <file>        write JUnit XML (a testsuite per scorer, a testcase per item)
  --markdown <file>     write a Markdown summary for a pull-request comment
  --json                print a machine-readable summary on stdout
  --baseline <ref>      compare with a run id, or the latest run of a LoggedModel name
  --tolerance <x>       allowed drop in mean or pass rate vs the baseline (default 0.05)
  --concurrency <n>     judge and task calls in flight (default: the suite's, else 8)
  --cache-dir <dir>     judge cache (default ./.assay-cache/judges)
  --no-cache            call the judge model for every item
  --data-dir <dir>      where to record when no server answers at ASSAY_URL
                        (ASSAY_DATA_DIR, default ./.assay)
  --name <assessment>   (calibrate) the assessment name to compare judges and humans on

Environment: ASSAY_URL (default http://localhost:4318), ASSAY_API_KEY, ASSAY_PROJECT.
`

export interface EvalOptions {
  command: 'run' | 'calibrate' | 'help'
  suite?: string
  junit?: string
  markdown?: string
  json: boolean
  baseline?: string
  tolerance: number
  concurrency?: number
  /** Null: no cache. */
  cacheDir: string | null
  url: string
  /** True when ASSAY_URL was set: the user named a server. */
  urlGiven: boolean
  apiKey?: string
  project?: string
  dataDir: string
  calibrateName?: string
}

export function parseEvalOptions(argv: string[], env: Record<string, string | undefined>): EvalOptions {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        junit: { type: 'string' },
        markdown: { type: 'string' },
        json: { type: 'boolean' },
        baseline: { type: 'string' },
        tolerance: { type: 'string' },
        concurrency: { type: 'string' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        'data-dir': { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}; run 'assay eval --help' for usage`)
  }
  const v = parsed.values as Record<string, string | boolean | undefined>
  const [first, ...more] = parsed.positionals
  const command = v.help ? 'help' : first === 'calibrate' ? 'calibrate' : 'run'
  if (more.length > 0) throw new ConfigError(`unexpected argument '${more[0]}'`)
  if (command === 'run' && !first)
    throw new ConfigError("give a suite file: 'assay eval path/to/suite.eval.ts'")
  if (command === 'calibrate' && !v.name)
    throw new ConfigError("'assay eval calibrate' needs --name <assessment>")
  const tolerance = number(v.tolerance as string | undefined, '--tolerance', 0.05)
  if (tolerance < 0 || tolerance > 1) throw new ConfigError('--tolerance must be between 0 and 1')
  const concurrency =
    v.concurrency === undefined ? undefined : number(v.concurrency as string, '--concurrency', 8)
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new ConfigError('--concurrency must be a whole number >= 1')
  }
  const url = env.ASSAY_URL || 'http://localhost:4318'
  try {
    new URL(url)
  } catch {
    throw new ConfigError(
      `ASSAY_URL must be a URL such as http://localhost:4318 (got ${JSON.stringify(url)})`,
    )
  }
  return {
    command,
    suite: command === 'run' ? first : undefined,
    junit: v.junit as string | undefined,
    markdown: v.markdown as string | undefined,
    json: Boolean(v.json),
    baseline: v.baseline as string | undefined,
    tolerance,
    concurrency,
    cacheDir: v['no-cache']
      ? null
      : path.resolve((v['cache-dir'] as string | undefined) ?? './.assay-cache/judges'),
    url: url.replace(/\/+$/, ''),
    urlGiven: Boolean(env.ASSAY_URL),
    apiKey: env.ASSAY_API_KEY || undefined,
    project: env.ASSAY_PROJECT || undefined,
    dataDir: path.resolve((v['data-dir'] as string | undefined) ?? (env.ASSAY_DATA_DIR || './.assay')),
    calibrateName: v.name as string | undefined,
  }
}

function number(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n))
    throw new ConfigError(`${flag} must be a number (got '${text}')`)
  return n
}
