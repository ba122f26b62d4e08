/**
 * Where the metadata database lives, decided once from the options: a
 * Postgres server when a URL is given, else embedded PGlite under the data
 * directory, else (no options) an in-memory PGlite for tests and one-off
 * runs. A bad URL fails here, at start-up, with the password masked.
 */

export interface PostgresOptions {
  /** The Assay data directory; PGlite keeps its files in `<dataDir>/pg`. */
  dataDir?: string
  /** A `postgres://` or `postgresql://` URL (DATABASE_URL); wins over `dataDir`. */
  url?: string
}

export type PostgresTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; display: string }

/** The configuration cannot work; the message says what to fix. */
export class PostgresConfigError extends Error {
  override name = 'PostgresConfigError'
}

/** Masks the password of a URL-like string, even one that does not parse. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@')
}

export function resolvePostgresTarget(options: PostgresOptions): PostgresTarget {
  if (options.url === undefined) return { kind: 'pglite', dataDir: options.dataDir ?? null }
  const display = redactUrl(options.url)
  let parsed: URL
  try {
    parsed = new URL(options.url)
  } catch {
    throw new PostgresConfigError(
      `invalid Postgres URL '${display}': expected postgres://user:password@host:5432/database`,
    )
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new PostgresConfigError(
      `invalid Postgres URL '${display}': the scheme must be postgres:// or postgresql://, not ${parsed.protocol}//`,
    )
  }
  // A socket directory may come as ?host=/path instead of a hostname.
  if (parsed.hostname === '' && !parsed.searchParams.get('host')) {
    throw new PostgresConfigError(`invalid Postgres URL '${display}': no host`)
  }
  return { kind: 'postgres', url: options.url, display }
}
