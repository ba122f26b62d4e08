// Projects and API keys through real HTTP: the secret shown once, lists
// without secrets, revocation that applies at once, last-used times, and
// what a project's own key may manage.
import '@hono/zod-openapi' // before @assay/core builds its schemas: it gives them .openapi()
import { findApiKeyByPrefix, revokeApiKey } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuth, generateApiKey, parseAuthorization } from '../src/index.js'
import { type AuthTestApi, startAuthApi } from './support/auth-harness.js'

let api: AuthTestApi
let cookie: string
beforeAll(async () => {
  api = await startAuthApi()
  cookie = await api.signIn()
  await api.call('POST', '/projects', { cookie, body: { id: 'keys-a', name: 'Keys A' } })
  await api.call('POST', '/projects', { cookie, body: { id: 'keys-b', name: 'Keys B' } })
})
afterAll(() => api.close())

describe('projects', () => {
  it('creates a project, refuses a taken id or name, and names a bad field', async () => {
    const res = await api.call('POST', '/projects', { cookie, body: { name: 'Made By Name' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ id: 'made-by-name', name: 'Made By Name', description: '' })
    expect((await api.call('POST', '/projects', { cookie, body: { name: 'Made By Name' } })).status).toBe(409)
    const bad = await api.call('POST', '/projects', { cookie, body: { id: 'Bad Id', name: 'x' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('body.id')
  })

  it('lists projects in pages; a tampered cursor is a 400', async () => {
    const first = await api.call('GET', '/projects?limit=1', { cookie })
    expect(first.body.items).toHaveLength(1)
    const second = await api.call('GET', `/projects?limit=1&cursor=${first.body.nextCursor}`, { cookie })
    expect(second.body.items[0].id > first.body.items[0].id).toBe(true)
    const bad = await api.call('GET', '/projects?cursor=tampered', { cookie })
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('query.cursor')
  })
})

describe('API keys', () => {
  it('shows the secret once: creation answers it, the list never does', async () => {
    const created = await api.call('POST', '/projects/keys-a/keys', { cookie, body: { name: 'sdk' } })
    expect(created.status).toBe(201)
    const { key, secret } = created.body
    expect(secret).toMatch(/^ak_[a-z0-9]{12}_[\w-]{43}$/)
    expect(secret.startsWith(`${key.prefix}_`)).toBe(true)
    expect(key).toMatchObject({ projectId: 'keys-a', name: 'sdk', scopes: ['ingest', 'read', 'write'] })
    expect(key).not.toHaveProperty('secretHash')
    const list = await api.call('GET', '/projects/keys-a/keys', { cookie })
    expect(list.status).toBe(200)
    expect(list.body.items.map((k: { id: string }) => k.id)).toContain(key.id)
    const stored = (await findApiKeyByPrefix(api.postgres.db, key.prefix))!
    const secretPart = secret.slice(key.prefix.length + 1)
    expect(list.text).not.toContain(secretPart)
    expect(list.text).not.toContain(stored.secretHash)
    expect(stored.secretHash).not.toContain(secretPart)
  })

  it('revokes a key, which stops working at once, and keeps it listed as revoked', async () => {
    const key = await api.newKey(cookie, 'keys-a')
    expect((await api.call('GET', '/traces', { key: key.token })).status).toBe(200)
    const revoked = await api.call('DELETE', `/projects/keys-a/keys/${key.id}`, { cookie })
    expect(revoked.status).toBe(200)
    expect(revoked.body.revokedAt).toBeGreaterThan(0)
    expect((await api.call('GET', '/traces', { key: key.token })).status).toBe(401)
    const list = await api.call('GET', '/projects/keys-a/keys', { cookie })
    expect(list.body.items.find((k: { id: string }) => k.id === key.id).revokedAt).toBe(
      revoked.body.revokedAt,
    )
    expect((await api.call('DELETE', '/projects/keys-a/keys/no-such-key', { cookie })).status).toBe(404)
    expect((await api.call('DELETE', `/projects/keys-b/keys/${key.id}`, { cookie })).status).toBe(404)
  })

  it('records when a key was last used', async () => {
    const key = await api.newKey(cookie, 'keys-a')
    await api.call('GET', '/traces', { key: key.token })
    await expect
      .poll(async () => (await findApiKeyByPrefix(api.postgres.db, key.prefix))!.key.lastUsedAt)
      .toBeGreaterThan(0)
  })

  it('pages keys newest first; a tampered cursor is a 400', async () => {
    for (let i = 0; i < 3; i++) await api.newKey(cookie, 'keys-b', { name: `page-${i}` })
    const first = await api.call('GET', '/projects/keys-b/keys?limit=2', { cookie })
    expect(first.body.items).toHaveLength(2)
    const second = await api.call('GET', `/projects/keys-b/keys?limit=2&cursor=${first.body.nextCursor}`, {
      cookie,
    })
    expect(second.body.items.length).toBeGreaterThanOrEqual(1)
    const bad = await api.call('GET', '/projects/keys-b/keys?cursor=x', { cookie })
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('query.cursor')
  })

  it('names the field of bad input, and 404s an unknown project', async () => {
    const noName = await api.call('POST', '/projects/keys-a/keys', { cookie, body: { name: '' } })
    expect(noName.status).toBe(400)
    expect(noName.body.error.field).toBe('body.name')
    const badScope = await api.call('POST', '/projects/keys-a/keys', {
      cookie,
      body: { name: 'x', scopes: ['root'] },
    })
    expect(badScope.status).toBe(400)
    expect(badScope.body.error.field).toMatch(/^body\.scopes/)
    expect((await api.call('POST', '/projects/nope/keys', { cookie, body: { name: 'x' } })).status).toBe(404)
    expect((await api.call('GET', '/projects/nope/keys', { cookie })).status).toBe(404)
  })
})

describe('what a key may manage', () => {
  it('a key with the admin scope manages its own project’s keys and nothing else', async () => {
    const admin = await api.newKey(cookie, 'keys-a', { name: 'ops', scopes: ['admin'] })
    const own = await api.call('POST', '/projects/keys-a/keys', { key: admin.token, body: { name: 'ci' } })
    expect(own.status).toBe(201)
    expect((await api.call('GET', '/projects/keys-a/keys', { key: admin.token })).status).toBe(200)
    for (const [method, path, body] of [
      ['POST', '/projects/keys-b/keys', { name: 'x' }],
      ['GET', '/projects/keys-b/keys', undefined],
      ['DELETE', '/projects/keys-b/keys/anything', undefined],
      ['GET', '/projects/does-not-exist/keys', undefined],
      ['POST', '/projects', { id: 'by-key', name: 'by key' }],
    ] as const) {
      expect((await api.call(method, path, { key: admin.token, body })).status, `${method} ${path}`).toBe(403)
    }
    const projects = await api.call('GET', '/projects', { key: admin.token })
    expect(projects.body.items.map((p: { id: string }) => p.id)).toEqual(['keys-a'])
  })

  it('a key without the admin scope manages no keys', async () => {
    const sdk = await api.newKey(cookie, 'keys-a')
    expect((await api.call('GET', '/projects/keys-a/keys', { key: sdk.token })).status).toBe(403)
    expect(
      (await api.call('POST', '/projects/keys-a/keys', { key: sdk.token, body: { name: 'x' } })).status,
    ).toBe(403)
  })
})

describe('the key cache', () => {
  it('sees a revocation made by another process within its TTL', async () => {
    let now = Date.now()
    const auth = createAuth({ db: api.postgres.db, required: true, keys: { ttlMs: 10_000, now: () => now } })
    const key = await api.newKey(cookie, 'keys-a')
    const credentials = parseAuthorization(`Bearer ${key.token}`)!
    expect(await auth.keys.verify(credentials)).toMatchObject({ id: key.id })
    await revokeApiKey(api.postgres.db, 'keys-a', key.id) // as another server would
    expect(await auth.keys.verify(credentials)).not.toBeNull() // cached
    now += 10_001
    expect(await auth.keys.verify(credentials)).toBeNull()
  })

  it('parses only well-formed keys', () => {
    const { token, prefix, secret } = generateApiKey()
    expect(parseAuthorization(`bearer ${token}`)).toEqual({ prefix, secret })
    expect(parseAuthorization(`Bearer ${token}x`)).toBeNull()
    expect(parseAuthorization(`Basic ${Buffer.from(`${prefix}:${secret}`).toString('base64')}`)).toEqual({
      prefix,
      secret,
    })
    expect(parseAuthorization('Basic !!!')).toBeNull()
    expect(parseAuthorization(undefined)).toBeNull()
  })
})
