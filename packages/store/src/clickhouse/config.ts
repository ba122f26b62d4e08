/**
 * ClickHouse connection options and their validation, in one place so that
 * a bad setting fails at start-up with a message naming the setting, not
 * later inside a query.
 */

/** How the store reaches ClickHouse: embedded chDB in a data directory, or a remote server by URL. */
export interface ClickHouseOptions {
  /** Embedded mode: chDB keeps its files in `<dataDir>/clickhouse`. Ignored when `url` is set. */
  dataDir?: string
  /** Remote mode: `http(s)://host:port` of a ClickHouse server. */
  url?: string
  username?: string
  password?: string
  /** Database holding every Assay table (default `assay`). */
  database?: string
  /** With a cluster name, DDL runs `ON CLUSTER` with replicated local tables and Distributed tables over them. */
  cluster?: string
  /** Drop span, event and assessment parts older than this many days (no TTL when unset). */
  retentionDays?: number
}

/** A configuration problem: thrown before any connection is attempted. */
export class StoreConfigError extends Error {
  override name = 'StoreConfigError'
}

export type ResolvedClickHouseConfig =
  | { mode: 'embedded'; path: string; database: string; cluster?: string; retentionDays?: number }
  | {
      mode: 'remote'
      url: string
      username?: string
      password?: string
      database: string
      cluster?: string
      retentionDays?: number
    }

// Database and cluster names are spliced into DDL and queries, so they must be plain identifiers.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

export function resolveClickHouseConfig(options: ClickHouseOptions): ResolvedClickHouseConfig {
  const database = options.database ?? 'assay'
  if (!IDENTIFIER.test(database)) {
    throw new StoreConfigError(`ClickHouse database name "${database}" must match ${IDENTIFIER}`)
  }
  if (options.cluster !== undefined && !IDENTIFIER.test(options.cluster)) {
    throw new StoreConfigError(`ClickHouse cluster name "${options.cluster}" must match ${IDENTIFIER}`)
  }
  const { retentionDays } = options
  if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays > 0)) {
    throw new StoreConfigError(`ClickHouse retentionDays must be a positive integer, got ${retentionDays}`)
  }
  const common = { database, cluster: options.cluster, retentionDays }
  if (options.url !== undefined) {
    return {
      mode: 'remote',
      url: validateUrl(options.url),
      username: options.username,
      password: options.password,
      ...common,
    }
  }
  if (!options.dataDir) {
    throw new StoreConfigError('ClickHouse needs either url (remote server) or dataDir (embedded chDB)')
  }
  return { mode: 'embedded', path: `${options.dataDir.replace(/\/+$/, '')}/clickhouse`, ...common }
}

function validateUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new StoreConfigError(
      `ClickHouse url "${redact(raw)}" is not a valid URL (expected e.g. http://localhost:8123)`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StoreConfigError(
      `ClickHouse url "${redact(raw)}" has protocol "${url.protocol}"; only http: and https: are supported`,
    )
  }
  return raw
}

/** Never echo a password from a URL into a log line. */
function redact(raw: string): string {
  return raw.replace(/\/\/[^/@]*@/, '//***@')
}
