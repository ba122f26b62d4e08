/**
 * The server's HTTP application: every route mounted on one Hono app, on one
 * port (the OTLP/HTTP port, so exporters left on their defaults reach us).
 */
import { Hono } from 'hono'
import type { Logger } from '../logger.js'
import { healthRoutes, type Readiness } from './health.js'

export interface AppDeps {
  readiness: Readiness
  logger: Logger
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono()
  app.route('/', healthRoutes(deps.readiness))
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return c.json({ error: 'internal error' }, 500)
  })
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404))
  return app
}
