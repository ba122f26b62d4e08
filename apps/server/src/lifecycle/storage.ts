/**
 * Opens both stores from the configuration, applies their migrations and
 * makes sure the default project exists. Embedded engines live under the
 * data directory; a URL switches each to its server.
 */
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
  close(): Promise<void>
}

export async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  const clickhouse = createClickHouse({ dataDir: config.dataDir, ...config.clickhouse })
  let postgres: Postgres | undefined
  try {
    await migrateClickHouse(clickhouse)
    logger.info({ embedded: !config.clickhouse.url, cluster: config.clickhouse.cluster ?? null }, 'clickhouse ready')
    postgres = await createPostgres({ dataDir: config.dataDir, url: config.postgres.url })
    await migratePostgres(postgres)
    await ensureDefaultProject(postgres.db, config.defaultProject)
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
    async close() {
      await Promise.allSettled([clickhouse.close(), pg.close()])
    },
  }
}
