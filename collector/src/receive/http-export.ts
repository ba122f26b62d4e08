/**
 * One OTLP/HTTP export, from a web Request to a web Response, composed from
 * the receive helpers: content type -> (authentication) -> body under the
 * limit -> decode -> handler -> ExportService response, with every failure
 * translated by toHttpResponse. Framework-agnostic: a Hono route is
 * `(c) => receiveHttpExport(c.req.raw, 'traces', options)`.
 */

import { decodeExport } from '../decode/index.js'
import { contentTypeOf, type Encoding, negotiateEncoding } from './content-type.js'
import type { ExportHandler, ExportSignal, RequestMetadata } from './export-handler.js'
import { encodeExportResponse } from './export-response.js'
import { toHttpResponse } from './http-response.js'
import { readBody } from './read-body.js'

export interface HttpExportOptions {
  /** Largest body accepted, after decompression (413 past it). */
  limitBytes: number
  handler: ExportHandler
  /** Runs before the body is read, so a bad key costs no upload; throw Unauthenticated. */
  authenticate?: (metadata: RequestMetadata) => void | Promise<void>
}

export async function receiveHttpExport(
  request: Request,
  signal: ExportSignal,
  options: HttpExportOptions,
): Promise<Response> {
  let encoding: Encoding | undefined
  try {
    encoding = negotiateEncoding(request.headers.get('content-type'))
    const metadata = headersRecord(request.headers)
    await options.authenticate?.(metadata)
    const body = await readBody(request, { limitBytes: options.limitBytes })
    const result =
      signal === 'traces'
        ? await options.handler('traces', decodeExport('traces', encoding, body), metadata)
        : await options.handler('logs', decodeExport('logs', encoding, body), metadata)
    return new Response(encodeExportResponse(signal, encoding, result), {
      status: 200,
      headers: { 'content-type': contentTypeOf(encoding) },
    })
  } catch (err) {
    const { status, headers, body } = toHttpResponse(err, encoding)
    return new Response(body, { status, headers })
  }
}

function headersRecord(headers: Headers): RequestMetadata {
  const out: Record<string, string> = Object.create(null)
  headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}
