/** The API mounted under `/api`, on storage that is open and migrated. */
import { createApi } from '@assay/api'
import { fillSpansFromEvents } from '@assay/collector'
import { Hono } from 'hono'
import type { Storage } from '../lifecycle/storage.js'
import type { Logger } from '../logger.js'

export function mountApi(storage: Storage, logger: Logger): Hono {
  const api = createApi({
    clickhouse: storage.clickhouse,
    postgres: storage.postgres,
    // Auth (and so per-key projects) is not built yet: everything is the default project.
    projectOf: () => storage.defaultProjectId,
    enrichSpans: fillSpansFromEvents,
    logError: (error, path) => logger.error({ err: error, path }, 'api error'),
  })
  return new Hono().route('/api', api)
}
