/** What the API needs from the process that mounts it. */
import type { SpanEventRow, SpanRow } from '@assay/core'
import type { ClickHouse, Postgres } from '@assay/store'
import type { Auth } from './auth/auth.js'

export interface ApiDeps {
  clickhouse: ClickHouse
  postgres: Postgres
  /** The project a request acts on when auth is off and it names none (with auth on, its key's project). */
  projectOf(request: Request): string | Promise<string>
  /** Authentication (`createAuth` in `auth/`); absent, every request is allowed, as with auth off. */
  auth?: Auth
  /**
   * Completes spans from their events before they are returned, e.g. a
   * GenAI span whose messages arrived as log records. Supplied by the
   * server (the collector owns message normalization).
   */
  enrichSpans?(spans: SpanRow[], events: SpanEventRow[]): SpanRow[]
  /** Called with unexpected errors (answered as a bare 500, details kept out of the response). */
  logError?(error: unknown, path: string): void
}
