/**
 * Liveness and readiness. `/healthz` answers while the process runs;
 * `/readyz` answers 200 only once storage is open and migrated, and 503
 * while starting or shutting down, so a load balancer sends no traffic then.
 */
import { Hono } from 'hono'

export interface Readiness {
  ready: boolean
  /** Why the server is not ready, for the 503 body. */
  reason: string
}

export function healthRoutes(readiness: Readiness): Hono {
  const app = new Hono()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', (c) =>
    readiness.ready
      ? c.json({ status: 'ready' })
      : c.json({ status: 'not ready', reason: readiness.reason }, 503),
  )
  return app
}
