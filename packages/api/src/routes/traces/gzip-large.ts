/**
 * Gzip for large JSON answers (the tree columns of a big trace: ~2 MB of
 * repetitive JSON become ~0.5 MB). Level 1 in zlib's thread pool costs
 * ~10 ms for 2 MB and keeps the event loop free; Hono's `compress`
 * (CompressionStream, level 6) took several times that, which on a LAN
 * costs more than the bytes it saves.
 *
 * @example
 *   router.use('/traces/:traceId/tree', gzipLarge())
 */
import { promisify } from 'node:util'
import { constants, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const gzipAsync = promisify(gzip)

export function gzipLarge(options: { minBytes?: number } = {}): MiddlewareHandler {
  const minBytes = options.minBytes ?? 64 * 1024
  return async (c, next) => {
    await next()
    const res = c.res
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return
    if (res.headers.has('content-encoding') || !res.headers.get('content-type')?.includes('json')) return
    const body = Buffer.from(await res.clone().arrayBuffer())
    if (body.length < minBytes) return
    const zipped = await gzipAsync(body, { level: constants.Z_BEST_SPEED })
    const headers = new Headers(res.headers)
    headers.set('content-encoding', 'gzip')
    headers.set('content-length', String(zipped.length))
    headers.append('vary', 'Accept-Encoding')
    c.res = new Response(zipped, { status: res.status, headers })
  }
}
