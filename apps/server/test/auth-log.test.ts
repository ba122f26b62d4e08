// Secrets stay out of the logs: with a generated admin secret, `assay
// serve` prints it once in a banner on stderr (never in the JSON log on
// stdout), and a key's secret never appears in any output, after it was
// created, used for the API and for exports, and refused once revoked.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildTrace } from './collector/helpers/otlp.js'
import { startAssay } from './server-process.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-auth-log-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const count = (text: string, needle: string) => text.split(needle).length - 1

describe('secrets in the output of assay serve', () => {
  it('shows a generated admin secret once, and never a key', async () => {
    const dataDir = path.join(tmp, 'data')
    const first = await startAssay({ ASSAY_DATA_DIR: dataDir, ASSAY_AUTH: 'on', ASSAY_LOG_LEVEL: 'trace' })
    let token = ''
    let adminSecret = ''
    try {
      // stderr and stdout are separate pipes: the banner may land just after the ready line.
      await expect.poll(() => /^\s+as_[\w-]+$/m.test(first.stderr())).toBe(true)
      adminSecret = /^\s+(as_[\w-]+)$/m.exec(first.stderr())?.[1] ?? ''
      expect(adminSecret).not.toBe('')
      const signIn = await fetch(`${first.url}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret: adminSecret }),
      })
      expect(signIn.status).toBe(200)
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
      const wrong = await fetch(`${first.url}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret: `${adminSecret}-wrong` }),
      })
      expect(wrong.status).toBe(401)
      const created = await fetch(`${first.url}/api/projects/default/keys`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'log-test' }),
      })
      const { key, secret } = (await created.json()) as { key: { id: string }; secret: string }
      token = secret
      const authorization = `Bearer ${token}`
      expect((await fetch(`${first.url}/api/traces`, { headers: { authorization } })).status).toBe(200)
      const exported = await fetch(`${first.url}/v1/traces`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(buildTrace(1).request),
      })
      expect(exported.status).toBe(200)
      await fetch(`${first.url}/api/projects/default/keys/${key.id}`, {
        method: 'DELETE',
        headers: { cookie },
      })
      expect((await fetch(`${first.url}/api/traces`, { headers: { authorization } })).status).toBe(401)
      expect((await fetch(`${first.url}/api/nope`, { headers: { authorization } })).status).toBe(401)
    } finally {
      expect(await first.stop()).toBe(0)
    }
    const output = first.stdout() + first.stderr()
    const keySecret = token.slice(16)
    expect(keySecret).toHaveLength(43)
    expect(output).not.toContain(keySecret)
    expect(count(output, adminSecret)).toBe(1)
    expect(first.stdout()).not.toContain(adminSecret)
    expect(first.stdout()).toContain('admin secret generated and shown on stderr')

    // A restart finds the stored hash: no new secret, no banner, and the first one still signs in.
    const second = await startAssay({ ASSAY_DATA_DIR: dataDir, ASSAY_AUTH: 'on' })
    try {
      expect(second.stderr()).not.toMatch(/admin secret/i)
      const signIn = await fetch(`${second.url}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret: adminSecret }),
      })
      expect(signIn.status).toBe(200)
    } finally {
      expect(await second.stop()).toBe(0)
    }
    expect(second.stdout() + second.stderr()).not.toContain(adminSecret)
  }, 120_000)
})
