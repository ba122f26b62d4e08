/**
 * Test plumbing for the ClickHouse store: one chDB data directory per test
 * worker process (chDB allows only one per process) and one fresh database
 * per test file, so files never see each other's rows.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ClickHouse, createClickHouse, migrateClickHouse } from '../../src/clickhouse/index.js'

export const testDataDir = join(tmpdir(), `assay-test-ch-${process.pid}`)

let cleanupRegistered = false

// Workers are often killed rather than exiting, so each run also sweeps directories of dead workers.
function removeStaleDataDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^assay-test-ch-(\d+)$/.exec(name)?.[1])
    if (!pid || pid === process.pid || isAlive(pid)) continue
    rmSync(join(tmpdir(), name), { recursive: true, force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A migrated, empty database `t_<random>` in this worker's chDB. */
export async function openTestClickHouse(options: { migrate?: boolean } = {}): Promise<ClickHouse> {
  if (!cleanupRegistered) {
    cleanupRegistered = true
    removeStaleDataDirs()
    process.once('exit', () => rmSync(testDataDir, { recursive: true, force: true }))
  }
  const ch = createClickHouse({ dataDir: testDataDir, database: `t_${randomBytes(6).toString('hex')}` })
  if (options.migrate !== false) await migrateClickHouse(ch)
  return ch
}

export async function closeTestClickHouse(ch: ClickHouse): Promise<void> {
  await ch.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database} SYNC` })
  await ch.close()
}

/** Rows of an ad-hoc query, for assertions on what is physically stored. */
export async function rows<T = Record<string, unknown>>(
  ch: ClickHouse,
  query: string,
  query_params: Record<string, unknown> = {},
): Promise<T[]> {
  const rs = await ch.client.query({ query, query_params, format: 'JSONEachRow' })
  return rs.json<T>()
}
