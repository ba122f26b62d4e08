/** What the API needs from the process that mounts it. */
import type { SpanEventRow, SpanRow } from '@assay/core'
import type { ClickHouse, Postgres } from '@assay/store'

export interface ApiDeps {
  clickhouse: ClickHouse
  postgres: Postgres
  /** The project a request acts on (from its API key when auth is on). */
  projectOf(request: Request): string | Promise<string>
  /**
   * Completes spans from their events before they are returned, e.g. a
   * GenAI span whose messages arrived as log records. Supplied by the
   * server (the collector owns message normalization).
   */
  enrichSpans?(spans: SpanRow[], events: SpanEventRow[]): SpanRow[]
  /** Called with unexpected errors (answered as a bare 500, details kept out of the response). */
  logError?(error: unknown, path: string): void
}
