/**
 * The server's HTTP application: every route mounted on one Hono app, on one
 * port (the OTLP/HTTP port, so exporters left on their defaults reach us).
 */
import { type ExportHandler, otlpRoutes, type RequestMetadata, RetryableError } from '@assay/collector'
import { Hono } from 'hono'
import type { Config } from '../config/config.js'
import type { Logger } from '../logger.js'
import { healthRoutes, type Readiness } from './health.js'
import { dashboardRoutes } from './static.js'

export interface AppDeps {
  config: Config
  readiness: Readiness
  logger: Logger
  /** The collector's export handler, once storage is open (exports get 503 before). */
  exportHandler: () => ExportHandler | undefined
  /** The API app, once storage is open (requests get 503 before); absent when this process only collects. */
  api?: () => { fetch(request: Request, env?: unknown): Response | Promise<Response> } | undefined
  /** Checks an OTLP/HTTP export's key before its body is read (throws Unauthenticated); absent until storage is open. */
  authenticateExport?: () => ((metadata: RequestMetadata) => Promise<unknown>) | undefined
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.route('/', healthRoutes(deps.readiness))
  app.route(
    '/',
    otlpRoutes({
      limitBytes: deps.config.collector.maxBodyBytes,
      authenticate: async (metadata) => {
        await deps.authenticateExport?.()?.(metadata)
      },
      handler: (...args) => {
        const handler = deps.exportHandler()
        if (!handler) throw new RetryableError(503, `not ready: ${deps.readiness.reason}`, 1)
        return handler(...args)
      },
    }),
  )
  const apiOf = deps.api
  if (apiOf)
    app.all('/api/*', (c) => {
      const api = apiOf()
      if (!api) return c.json({ error: { message: `not ready: ${deps.readiness.reason}` } }, 503)
      // env carries the Node request (its socket's address rate-limits sign-ins).
      return api.fetch(c.req.raw, c.env)
    })
  // The dashboard owns every other GET path; it reads the API like any client.
  if (apiOf) app.route('/', dashboardRoutes())
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return c.json({ error: 'internal error' }, 500)
  })
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404))
  return app
}
