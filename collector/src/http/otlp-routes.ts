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

/**
 * Under @hono/node-server the route context carries Node's request
 * (`c.env.incoming`): its body is read as a Node stream. Other runtimes
 * (and `app.request()` in tests) have none and read `Request.body`.
 */
type Env = { Bindings: { incoming?: AsyncIterable<Uint8Array> } | undefined }

export function otlpRoutes(options: OtlpRoutesOptions): Hono<Env> {
  const app = new Hono<Env>()
  for (const prefix of OTLP_PATH_PREFIXES) {
    app.post(`${prefix}/v1/traces`, (c) =>
      receiveHttpExport(c.req.raw, 'traces', { ...options, bodyStream: nodeBody(c.env) }),
    )
    app.post(`${prefix}/v1/logs`, (c) =>
      receiveHttpExport(c.req.raw, 'logs', { ...options, bodyStream: nodeBody(c.env) }),
    )
  }
  return app
}

function nodeBody(env: Env['Bindings']): AsyncIterable<Uint8Array> | undefined {
  const incoming = env?.incoming
  return incoming && typeof incoming[Symbol.asyncIterator] === 'function' ? incoming : undefined
}
