/**
 * OTLP/HTTP routes: `POST /v1/traces` and `POST /v1/logs`, also under
 * `/api/public/otel/v1/...` so clients configured for other services work
 * by changing only the host.
 */
import { Hono } from 'hono'
import type { ExportHandler, RequestMetadata } from '../receive/export-handler.js'
import { receiveHttpExport } from '../receive/http-export.js'

export interface OtlpRoutesOptions {
  handler: ExportHandler
  limitBytes: number
  authenticate?: (metadata: RequestMetadata) => void | Promise<void>
}

export const OTLP_PATH_PREFIXES = ['', '/api/public/otel'] as const

export function otlpRoutes(options: OtlpRoutesOptions): Hono {
  const app = new Hono()
  for (const prefix of OTLP_PATH_PREFIXES) {
    app.post(`${prefix}/v1/traces`, (c) => receiveHttpExport(c.req.raw, 'traces', options))
    app.post(`${prefix}/v1/logs`, (c) => receiveHttpExport(c.req.raw, 'logs', options))
  }
  return app
}
