/**
 * `assay serve`: the whole product in one process. Order matters:
 * configuration is validated, the data directory is checked and locked,
 * the port is bound (so a busy port fails fast, before storage opens),
 * then storage opens and migrates and `/readyz` turns green.
 * SIGINT/SIGTERM stop accepting requests, flush, close storage and release
 * the lock.
 */
import type { Server } from 'node:http'
import type { RequestMetadata } from '@assay/collector'
import type { Hono } from 'hono'
import { type Config, usesDataDir } from './config/config.js'
import { mountApi } from './http/api.js'
import { createApp } from './http/app.js'
import type { Readiness } from './http/health.js'
import { createServerAuth, exportProjectOf, showAdminSecretOnce } from './lifecycle/auth.js'
import { type RunningCollector, startCollector } from './lifecycle/collector.js'
import { type DataDirLock, lockDataDir, prepareDataDir } from './lifecycle/data-dir.js'
import { listen } from './lifecycle/listen.js'
import { type RunningOnlineEval, startOnlineEval } from './lifecycle/online-eval.js'
import { openStorage, type Storage } from './lifecycle/storage.js'
import type { Logger } from './logger.js'

export interface RunningServer {
  server: Server
  storage: Storage
  /** Stops accepting requests, flushes, closes storage and releases the data directory. Idempotent. */
  stop(): Promise<void>
}

export interface ServerRoles {
  /** Mount the API (and, later, the dashboard). Off for `assay collector`, which only ingests. */
  api: boolean
}

export async function startServer(
  config: Config,
  logger: Logger,
  roles: ServerRoles = { api: true },
): Promise<RunningServer> {
  let lock: DataDirLock | undefined
  if (usesDataDir(config)) {
    prepareDataDir(config.dataDir)
    lock = lockDataDir(config.dataDir)
  }
  const readiness: Readiness = { ready: false, reason: 'starting: opening storage' }
  let server: Server | undefined
  let storage: Storage | undefined
  let collector: RunningCollector | undefined
  let onlineEval: RunningOnlineEval | undefined
  let api: Hono | undefined
  let exportProject: ((metadata: RequestMetadata) => Promise<string>) | undefined
  const app = createApp({
    config,
    readiness,
    logger,
    exportHandler: () => collector?.handler,
    api: roles.api ? () => api : undefined,
    authenticateExport: () => exportProject,
  })
  try {
    server = await listen(app, config.port, config.host)
    storage = await openStorage(config, logger)
    const auth = createServerAuth(config, storage, logger)
    if (roles.api) await showAdminSecretOnce(config, storage, logger)
    exportProject = exportProjectOf(auth, storage.defaultProjectId)
    collector = await startCollector(config, storage.clickhouse, exportProject, logger)
    if (roles.api) api = mountApi(storage, logger, auth)
    // Judges score in the API server; `assay collector` only ingests.
    if (roles.api) onlineEval = startOnlineEval(config, storage, logger)
  } catch (error) {
    server?.close()
    await storage?.close()
    lock?.release()
    throw error
  }
  readiness.ready = true
  readiness.reason = ''
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  logger.info(
    {
      url: `http://${config.host}:${port}`,
      grpcPort: collector.grpcPort,
      dataDir: config.dataDir,
      auth: config.auth.required ? 'on' : 'off',
    },
    'assay is ready',
  )

  let stopping: Promise<void> | undefined
  const httpServer = server
  const openStorageHandle = storage
  const runningCollector = collector
  return {
    server: httpServer,
    storage: openStorageHandle,
    stop() {
      stopping ??= (async () => {
        readiness.ready = false
        readiness.reason = 'shutting down'
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve())
          // Idle keep-alive connections would hold close() open.
          httpServer.closeIdleConnections?.()
        })
        // In-flight scores are written or their jobs given back while storage is still open.
        await onlineEval?.stop()
        // Buffered exports are written before storage closes: their clients were promised an answer.
        await runningCollector.close()
        await openStorageHandle.close()
        lock?.release()
        logger.info('assay stopped')
      })()
      return stopping
    },
  }
}
