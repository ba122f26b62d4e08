/**
 * One OTLP/HTTP export, from a web Request to a web Response, composed from
 * the receive helpers: content type -> (authentication) -> body under the
 * limit -> decode -> handler -> ExportService response, with every failure
 * translated by toHttpResponse. Framework-agnostic: a Hono route is
 * `(c) => receiveHttpExport(c.req.raw, 'traces', options)`.
 */

import { decodeExport } from '../decode/index.js'
import { contentTypeOf, type Encoding, negotiateEncoding } from './content-type.js'
import type { ExportHandler, ExportResult, ExportSignal, RequestMetadata } from './export-handler.js'
import { encodeExportResponse } from './export-response.js'
import { inTurn } from './export-turns.js'
import { toHttpResponse } from './http-response.js'
import { readBody } from './read-body.js'

export interface HttpExportOptions {
  /** Largest body accepted, after decompression (413 past it). */
  limitBytes: number
  handler: ExportHandler
  /** Runs before the body is read, so a bad key costs no upload; throw Unauthenticated. */
  authenticate?: (metadata: RequestMetadata) => void | Promise<void>
  /** The body as a Node stream, when the server has one (see readBody). */
  bodyStream?: AsyncIterable<Uint8Array>
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
    // The body goes straight to `dispatch`, never into a local: a local of
    // this async function would stay reachable until the export is
    // committed (see pipeline/export-pipeline.ts). Decoding and what follows
    // wait for a turn of their own (export-turns.ts).
    const negotiated = encoding
    const result = await inTurn(
      await readBody(request, { limitBytes: options.limitBytes, stream: options.bodyStream }),
      (body) => dispatch(signal, negotiated, body, metadata, options.handler),
    )
    return new Response(encodeExportResponse(signal, encoding, result), {
      status: 200,
      headers: { 'content-type': contentTypeOf(encoding) },
    })
  } catch (err) {
    const { status, headers, body } = toHttpResponse(err, encoding)
    return new Response(body, { status, headers })
  }
}

/** Decodes and hands over; synchronous, so the body and the decoded request live only in this frame. */
function dispatch(
  signal: ExportSignal,
  encoding: Encoding,
  body: Buffer,
  metadata: RequestMetadata,
  handler: ExportHandler,
): Promise<ExportResult> {
  return signal === 'traces'
    ? handler('traces', decodeExport('traces', encoding, body), metadata)
    : handler('logs', decodeExport('logs', encoding, body), metadata)
}

function headersRecord(headers: Headers): RequestMetadata {
  const out: Record<string, string> = Object.create(null)
  headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}
