import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardRoutes } from './static.js'

let root: string
const big = `console.log(${JSON.stringify('x'.repeat(4000))})`

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'assay-static-'))
  mkdirSync(path.join(root, '_next/static/chunks'), { recursive: true })
  mkdirSync(path.join(root, 'traces'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<p>overview</p>')
  writeFileSync(path.join(root, 'traces.html'), '<p>traces</p>')
  writeFileSync(path.join(root, 'traces/view.html'), '<p>trace</p>')
  writeFileSync(path.join(root, '404.html'), '<p>not found</p>')
  writeFileSync(path.join(root, '_next/static/chunks/app-1a2b.js'), big)
  writeFileSync(path.join(os.tmpdir(), 'secret.txt'), 'secret')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('dashboardRoutes', () => {
  const get = (p: string, headers: Record<string, string> = {}) =>
    dashboardRoutes({ root }).request(p, { headers })

  it('serves pages by path, with no-cache', async () => {
    for (const [p, text] of [
      ['/', 'overview'],
      ['/traces', 'traces'],
      ['/traces/view?id=abc', 'trace'],
    ] as const) {
      const res = await get(p)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain(text)
    }
  })

  it('caches hashed assets for a year and compresses them', async () => {
    const res = await get('/_next/static/chunks/app-1a2b.js', { 'accept-encoding': 'gzip, br' })
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-encoding')).toBe('br')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(big.length / 10)
    expect(brotliDecompressSync(body).toString()).toBe(big)
  })

  it('answers 304 to a matching ETag', async () => {
    const first = await get('/traces')
    const again = await get('/traces', { 'if-none-match': first.headers.get('etag')! })
    expect(again.status).toBe(304)
  })

  it('serves 404.html for unknown paths and never leaves the root', async () => {
    for (const p of ['/nope', '/../secret.txt', '/%2e%2e/secret.txt', '/_next/static/missing.js']) {
      const res = await get(p)
      expect(res.status).toBe(404)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('not found')
    }
  })

  it('leaves /api and /v1 to their routes', async () => {
    expect((await get('/api/traces')).status).toBe(404)
    expect(await (await get('/v1/traces')).text()).not.toContain('not found')
  })

  it('explains a missing build', async () => {
    const res = await dashboardRoutes({ root: path.join(root, 'missing') }).request('/')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('npm run build -w @assay/web')
  })
})
