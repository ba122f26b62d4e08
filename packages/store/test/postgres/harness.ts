import type { Postgres } from '../../src/postgres/index.js'

/**
 * What the contract cases need from a driver: new, empty (unmigrated)
 * databases. The server harness creates a database on the test server and
 * can open several independent pools on it, standing for several Assay
 * servers; PGlite lives inside one process, so it has one handle, which is
 * returned for every slot.
 */
export interface PostgresHarness {
  kind: Postgres['kind']
  openEmpty(handles?: number): Promise<Postgres[]>
}

/** The shared, migrated database of one test file, set once `beforeAll` has run. */
export interface CaseContext {
  readonly harness: PostgresHarness
  readonly pg: Postgres
}

export async function closeAll(handles: Postgres[]): Promise<void> {
  for (const pg of new Set(handles)) await pg.close()
}
