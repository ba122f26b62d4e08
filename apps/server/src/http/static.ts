/**
 * The dashboard: `apps/web/out`, Next.js's static export, served on the
 * API's port. Hashed assets (`/_next/static/**`) are cached for a year as
 * immutable; HTML and everything else is `no-cache` with an ETag, so a new
 * build shows at the next load. A path without a file of its own is a page
 * (`/traces` -> `traces.html`, `/` -> `index.html`); anything else gets the
 * export's `404.html`. `/api/*` and `/v1/*` are never answered here.
 *
 * Text assets are compressed once (brotli or gzip, as the browser accepts)
 * and kept in memory: the export is a few hundred kilobytes.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Context } from 'hono'
import { Hono } from 'hono'

/** Where `npm run build -w @assay/web` writes the dashboard. */
export const DASHBOARD_DIR = path.resolve(import.meta.dirname, '../../../web/out')

const IMMUTABLE = 'public, max-age=31536000, immutable'
const RESERVED = /^\/(api|v1)(\/|$)/

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.map'])

interface Asset {
  body: Uint8Array
  type: string
  etag: string
  compressible: boolean
  br?: Uint8Array
  gzip?: Uint8Array
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Assay</title>
<p style="font:15px system-ui;margin:3rem">The dashboard is not built. Run <code>npm run build -w @assay/web</code>
(or <code>npm start</code>, which builds it), then reload. The API is at <a href="/api/openapi.json">/api</a>.</p>`

export interface DashboardOptions {
  /** The static export's directory (default: `apps/web/out`). */
  root?: string
}

export function dashboardRoutes(options: DashboardOptions = {}): Hono {
  const root = options.root ?? DASHBOARD_DIR
  const cache = new Map<string, Asset>()

  /** The file a URL path names, only ever inside the root. */
  function resolveFile(urlPath: string): string | undefined {
    let decoded: string
    try {
      decoded = decodeURIComponent(urlPath)
    } catch {
      return undefined
    }
    if (decoded.includes('\0')) return undefined
    const file = path.resolve(root, `.${path.posix.normalize(decoded)}`)
    if (file !== root && !file.startsWith(root + path.sep)) return undefined
    for (const candidate of [file, `${file}.html`, path.join(file, 'index.html')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
    }
    return undefined
  }

  function load(file: string): Asset {
    const stat = statSync(file)
    const key = `${file}:${stat.mtimeMs}:${stat.size}`
    const hit = cache.get(key)
    if (hit) return hit
    const body = readFileSync(file)
    const ext = path.extname(file)
    const asset: Asset = {
      body,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      compressible: COMPRESSIBLE.has(ext) && body.length > 512,
    }
    cache.set(key, asset)
    return asset
  }

  function encoded(asset: Asset, accept: string): { body: Uint8Array; encoding?: string } {
    if (!asset.compressible) return { body: asset.body }
    if (/\bbr\b/.test(accept)) {
      asset.br ??= brotliCompressSync(asset.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
        },
      })
      return { body: asset.br, encoding: 'br' }
    }
    if (/\bgzip\b/.test(accept)) {
      asset.gzip ??= gzipSync(asset.body, { level: 9 })
      return { body: asset.gzip, encoding: 'gzip' }
    }
    return { body: asset.body }
  }

  function send(c: Context, file: string, status: 200 | 404): Response {
    const asset = load(file)
    const immutable = status === 200 && c.req.path.startsWith('/_next/static/')
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': immutable ? IMMUTABLE : 'no-cache',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    }
    if (asset.type.startsWith('text/html')) {
      headers['X-Frame-Options'] = 'DENY'
      headers['Referrer-Policy'] = 'same-origin'
    }
    if (status === 200 && c.req.header('if-none-match') === asset.etag) {
      return new Response(null, { status: 304, headers })
    }
    const { body, encoding } = encoded(asset, c.req.header('accept-encoding') ?? '')
    if (encoding) headers['Content-Encoding'] = encoding
    headers['Content-Length'] = String(body.length)
    return new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status,
      headers,
    })
  }

  const app = new Hono()
  app.on(['GET', 'HEAD'], '*', (c, next) => {
    if (RESERVED.test(c.req.path)) return next()
    if (!existsSync(root)) return c.html(NOT_BUILT, 404)
    const file = resolveFile(c.req.path)
    if (file) return send(c, file, 200)
    const notFound = path.join(root, '404.html')
    if (existsSync(notFound)) return send(c, notFound, 404)
    return next()
  })
  return app
}
