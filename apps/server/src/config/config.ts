/**
 * The server's configuration: one typed object, validated once at start-up.
 *
 * Precedence: defaults < environment < command-line flags. Nothing else in
 * the server reads `process.env`; packages receive their part of this object
 * as options.
 */
import path from 'node:path'
import { z } from 'zod'

/** Thrown for configuration a user must fix; the CLI prints its message as one line and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535')

const httpUrl = z.string().refine((value) => {
  try {
    const u = new URL(value)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
  } catch {
    return false
  }
}, 'must be an http(s) URL such as http://localhost:8123')

const postgresUrl = z.string().refine((value) => {
  try {
    const u = new URL(value)
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== ''
  } catch {
    return false
  }
}, 'must be a postgres:// URL such as postgres://user:pass@localhost:5432/assay')

/** A whole number of at least `min`, from an environment string. */
const count = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')

/** Every environment variable the server accepts, with its default. The docs table and the compose test read this. */
export const ENV_SCHEMA = {
  PORT: port.default(4318),
  HOST: z.string().min(1).default('127.0.0.1'),
  ASSAY_DATA_DIR: z.string().min(1).default('./.assay'),
  ASSAY_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ASSAY_GRPC_PORT: z.union([z.literal('off'), port]).default(4317),
  ASSAY_MAX_BODY_BYTES: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1024, 'must be at least 1024')
    .default(64 * 1024 * 1024),
  ASSAY_WRITE_BUFFER_BYTES: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1024 * 1024, 'must be at least 1048576')
    .default(256 * 1024 * 1024),
  CLICKHOUSE_URL: httpUrl.optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: identifier.default('assay'),
  CLICKHOUSE_CLUSTER: identifier.optional(),
  DATABASE_URL: postgresUrl.optional(),
  ASSAY_AUTH: z.enum(['auto', 'on', 'off'], { message: "must be 'auto', 'on' or 'off'" }).default('auto'),
  ASSAY_ADMIN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ASSAY_ONLINE_EVAL: z.enum(['on', 'off'], { message: "must be 'on' or 'off'" }).default('on'),
  ASSAY_ONLINE_EVAL_POLL_MS: count(10, 3_600_000).default(2000),
  ASSAY_ONLINE_EVAL_SETTLE_MS: count(0, 86_400_000).default(30_000),
  ASSAY_ONLINE_EVAL_CONCURRENCY: count(1, 256).default(4),
  ASSAY_ONLINE_EVAL_RATE: z.coerce
    .number({ message: 'must be a number' })
    .positive('must be above 0')
    .default(10),
  ASSAY_ONLINE_EVAL_MAX_ATTEMPTS: count(1, 20).default(3),
  ASSAY_ONLINE_EVAL_RETRY_MS: count(0, 86_400_000).default(10_000),
} as const

export const ACCEPTED_ENV_VARS = Object.keys(ENV_SCHEMA) as (keyof typeof ENV_SCHEMA)[]

const envSchema = z.object(ENV_SCHEMA)

export interface Config {
  port: number
  host: string
  /** Absolute path of the data directory (embedded ClickHouse and Postgres live under it). */
  dataDir: string
  logLevel: z.infer<typeof envSchema>['ASSAY_LOG_LEVEL']
  collector: {
    /** OTLP/gRPC port, or null when gRPC is off. */
    grpcPort: number | null
    /** Largest OTLP body accepted, after decompression. */
    maxBodyBytes: number
    /** Bytes of accepted exports waiting to be written before 429s. */
    writeBufferBytes: number
  }
  clickhouse: { url?: string; username?: string; password?: string; database: string; cluster?: string }
  postgres: { url?: string }
  auth: {
    /** Every API request and OTLP export needs a key (or the dashboard's session). */
    required: boolean
    /** The dashboard's admin secret; when absent one is generated at first start and shown once. */
    adminSecret?: string
  }
  /** Online evaluation: rules matched and jobs scored in this process (see docs/server.md). */
  onlineEval: {
    enabled: boolean
    /** How often the matcher looks for new traces and idle workers for jobs. */
    pollMs: number
    /** A trace is scored once its last span ended this long ago. */
    settleMs: number
    /** Jobs scored at once by this process. */
    concurrency: number
    /** Scoring calls started per second by this process, at most. */
    ratePerSecond: number
    /** Attempts per job before it is `failed` for good. */
    maxAttempts: number
    /** Delay before the first retry; each later one doubles. */
    retryMs: number
  }
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigOverrides {
  port?: string
  host?: string
  dataDir?: string
}

/**
 * Builds the configuration from an environment (normally `process.env`) and
 * command-line flags. Throws ConfigError naming the variable and what to do.
 */
export function loadConfig(env: Record<string, string | undefined>, overrides: ConfigOverrides = {}): Config {
  const input: Record<string, string | undefined> = {}
  for (const key of ACCEPTED_ENV_VARS) {
    const value = env[key]
    // An empty variable means "not set", as in most shells' `FOO= cmd`.
    if (value !== undefined && value !== '') input[key] = value
  }
  if (overrides.port !== undefined) input.PORT = overrides.port
  if (overrides.host !== undefined) input.HOST = overrides.host
  if (overrides.dataDir !== undefined) input.ASSAY_DATA_DIR = overrides.dataDir

  const parsed = envSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = String(issue.path[0])
    const shown = /PASSWORD|SECRET/.test(key) ? '' : ` (got ${JSON.stringify(input[key])})`
    throw new ConfigError(`${key} ${issue.message}${shown}`)
  }
  const e = parsed.data
  if (e.CLICKHOUSE_CLUSTER && !e.CLICKHOUSE_URL) {
    throw new ConfigError(
      'CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL: a cluster is a remote ClickHouse, not the embedded one',
    )
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ASSAY_DATA_DIR),
    logLevel: e.ASSAY_LOG_LEVEL,
    collector: {
      grpcPort: e.ASSAY_GRPC_PORT === 'off' ? null : e.ASSAY_GRPC_PORT,
      maxBodyBytes: e.ASSAY_MAX_BODY_BYTES,
      writeBufferBytes: e.ASSAY_WRITE_BUFFER_BYTES,
    },
    clickhouse: {
      url: e.CLICKHOUSE_URL,
      username: e.CLICKHOUSE_USER,
      password: e.CLICKHOUSE_PASSWORD,
      database: e.CLICKHOUSE_DATABASE,
      cluster: e.CLICKHOUSE_CLUSTER,
    },
    postgres: { url: e.DATABASE_URL },
    auth: {
      required: e.ASSAY_AUTH === 'on' || (e.ASSAY_AUTH === 'auto' && !isLoopback(e.HOST)),
      adminSecret: e.ASSAY_ADMIN_SECRET,
    },
    onlineEval: {
      enabled: e.ASSAY_ONLINE_EVAL === 'on',
      pollMs: e.ASSAY_ONLINE_EVAL_POLL_MS,
      settleMs: e.ASSAY_ONLINE_EVAL_SETTLE_MS,
      concurrency: e.ASSAY_ONLINE_EVAL_CONCURRENCY,
      ratePerSecond: e.ASSAY_ONLINE_EVAL_RATE,
      maxAttempts: e.ASSAY_ONLINE_EVAL_MAX_ATTEMPTS,
      retryMs: e.ASSAY_ONLINE_EVAL_RETRY_MS,
    },
  }
}

/**
 * True for addresses only this machine can reach. `auto` auth is off there
 * (a developer's own server) and on for anything else, `0.0.0.0` included.
 */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1'
}

/** True when some storage is embedded, so the data directory is in use and must be locked. */
export function usesDataDir(config: Config): boolean {
  return !config.clickhouse.url || !config.postgres.url
}
