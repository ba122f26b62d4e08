/**
 * Raw OTLP/HTTP posts, as exporters send them: chunked (no Content-Length)
 * unless asked otherwise, optionally gzip'd, with the exact Content-Type.
 */
import http from 'node:http'
import { gzipSync } from 'node:zlib'
import type { TracesRequest } from './otlp.js'
import { encodeTracesRequest } from './otlp-proto.js'

export interface PostOptions {
  contentType: string
  body: Uint8Array
  /** Compress the body and send `Content-Encoding: gzip`. */
  gzip?: boolean
  /** Send the body as is under this Content-Encoding (for pre-compressed bodies). */
  contentEncoding?: string
  /** Send Content-Length instead of chunked transfer encoding. */
  contentLength?: boolean
  headers?: Record<string, string>
}

export interface PostResult {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

const CHUNK = 64 * 1024

/** POSTs to `url + path`; resolves once a response is read, even if the server stopped reading the body early. */
export function post(url: string, path: string, options: PostOptions): Promise<PostResult> {
  const body = options.gzip ? gzipSync(options.body) : Buffer.from(options.body)
  const headers: Record<string, string> = { 'content-type': options.contentType, ...options.headers }
  const encoding = options.gzip ? 'gzip' : options.contentEncoding
  if (encoding) headers['content-encoding'] = encoding
  if (options.contentLength) headers['content-length'] = String(body.length)
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(new URL(path, url), { method: 'POST', headers }, (res) => {
      answered = true
      const parts: Buffer[] = []
      res.on('data', (d: Buffer) => parts.push(d))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
      )
      res.on('error', reject)
    })
    // A server that answers early (413) may close while we still write: the answer is what counts.
    req.on('error', (err) => {
      if (!answered) reject(err)
    })
    writeChunks(req, body)
  })
}

async function writeChunks(req: http.ClientRequest, body: Buffer): Promise<void> {
  for (let offset = 0; offset < body.length; offset += CHUNK) {
    if (req.destroyed) return
    const ok = req.write(body.subarray(offset, offset + CHUNK))
    if (!ok) await drainedOrClosed(req)
  }
  if (!req.destroyed) req.end()
}

function drainedOrClosed(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done)
      req.off('close', done)
      resolve()
    }
    req.on('drain', done)
    req.on('close', done)
  })
}

/** Sends a trace export as protobuf (default) or OTLP/JSON to /v1/traces. */
export function postTraces(url: string, request: TracesRequest, format: 'protobuf' | 'json' = 'protobuf') {
  return format === 'json'
    ? post(url, '/v1/traces', { contentType: 'application/json', body: Buffer.from(JSON.stringify(request)) })
    : post(url, '/v1/traces', { contentType: 'application/x-protobuf', body: encodeTracesRequest(request) })
}
