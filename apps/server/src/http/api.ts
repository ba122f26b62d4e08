/** The API mounted under `/api`, on storage that is open and migrated. */
import { type Auth, createApi } from '@assay/api'
import { fillSpansFromEvents } from '@assay/collector'
import { Hono } from 'hono'
import type { Storage } from '../lifecycle/storage.js'
import type { Logger } from '../logger.js'

export function mountApi(storage: Storage, logger: Logger, auth: Auth): Hono {
  const api = createApi({
    clickhouse: storage.clickhouse,
    postgres: storage.postgres,
    // The auth middleware decides each request's project (the key's, or the one the
    // admin or an open request names); this is the fallback with auth off.
    projectOf: () => storage.defaultProjectId,
    auth,
    enrichSpans: fillSpansFromEvents,
    logError: (error, path) => logger.error({ err: error, path }, 'api error'),
  })
  return new Hono().route('/api', api)
}
