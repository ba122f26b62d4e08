/**
 * Opens both stores from the configuration, applies their migrations and
 * makes sure the default project exists. Embedded engines live under the
 * data directory; a URL switches each to its server.
 */

import type { Project } from '@assay/core'
import {
  type ClickHouse,
  createClickHouse,
  createPostgres,
  ensureDefaultProject,
  migrateClickHouse,
  migratePostgres,
  type Postgres,
} from '@assay/store'
import type { Config } from '../config/config.js'
import type { Logger } from '../logger.js'

export interface Storage {
  clickhouse: ClickHouse
  postgres: Postgres
  /** The project exports and requests belong to when auth is off. */
  defaultProjectId: string
  close(): Promise<void>
}

export async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  const clickhouse = createClickHouse({ dataDir: config.dataDir, ...config.clickhouse })
  let postgres: Postgres | undefined
  let defaultProject: Project | undefined
  try {
    await migrateClickHouse(clickhouse)
    logger.info(
      { embedded: !config.clickhouse.url, cluster: config.clickhouse.cluster ?? null },
      'clickhouse ready',
    )
    postgres = await createPostgres({ dataDir: config.dataDir, url: config.postgres.url })
    await migratePostgres(postgres)
    defaultProject = await ensureDefaultProject(postgres.db)
    logger.info({ embedded: !config.postgres.url }, 'postgres ready')
  } catch (error) {
    await postgres?.close().catch(() => {})
    await clickhouse.close().catch(() => {})
    throw error
  }
  const pg = postgres
  return {
    clickhouse,
    postgres: pg,
    defaultProjectId: defaultProject!.id,
    async close() {
      await Promise.allSettled([clickhouse.close(), pg.close()])
    },
  }
}
