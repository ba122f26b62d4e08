import type { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Pool } from 'pg'
import type * as schema from './schema/index.js'

/**
 * The database handle repositories take. It is the driver-independent
 * drizzle type, so a repository cannot use a feature that only one of the
 * two drivers has.
 */
export type AssayDb = PgDatabase<AssayQueryResultHKT, typeof schema>

/** What the `execute` results of both drivers have in common: the rows. */
export interface AssayQueryResultHKT extends PgQueryResultHKT {
  type: QueryRows<this['row']>
}
export interface QueryRows<TRow> {
  rows: TRow[]
}

/** An open metadata database; `client` is the underlying driver, for the few places that need it. */
export type Postgres =
  | { kind: 'pglite'; db: AssayDb; client: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: AssayDb; client: Pool; close(): Promise<void> }
