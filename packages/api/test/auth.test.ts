// Authentication through real HTTP: keys (Bearer and Basic), scopes, the
// admin sign-in with its cookie and rate limit, and auth off.
import '@hono/zod-openapi' // before @assay/core builds its schemas: it gives them .openapi()
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAdminSecret } from '../src/index.js'
import { ADMIN_SECRET, type AuthTestApi, startAuthApi } from './support/auth-harness.js'
import { startTestApi, type TestApi } from './support/harness.js'

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('auth on', () => {
  let api: AuthTestApi
  let cookie: string
  let key: { id: string; prefix: string; token: string }
  beforeAll(async () => {
    api = await startAuthApi()
    cookie = await api.signIn()
    key = await api.newKey(cookie, 'default')
  })
  afterAll(() => api.close())

  it('refuses a request without credentials with 401 and WWW-Authenticate', async () => {
    const res = await api.call('GET', '/traces')
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })

  it('serves the OpenAPI document to anyone', async () => {
    expect((await api.call('GET', '/openapi.json')).status).toBe(200)
  })

  it('accepts a key as Bearer, as Basic prefix:secret, and as the whole key in Basic', async () => {
    const secret = key.token.slice(key.prefix.length + 1)
    for (const authorization of [
      `Bearer ${key.token}`,
      basic(key.prefix, secret),
      basic('api', key.token),
      basic(key.token, ''),
    ]) {
      const res = await api.call('GET', '/auth/me', { authorization })
      expect(res.status, authorization).toBe(200)
      expect(res.body).toMatchObject({ authRequired: true, kind: 'key', projectId: 'default' })
      expect(res.body.key.prefix).toBe(key.prefix)
      expect(res.text).not.toContain(secret)
    }
  })

  it('refuses a wrong secret, an unknown key and a malformed header with 401', async () => {
    const wrong = `${key.prefix}_${'A'.repeat(43)}`
    for (const authorization of [
      `Bearer ${wrong}`,
      `Bearer ak_000000000000_${'B'.repeat(43)}`,
      'Bearer x',
      'Token y',
    ]) {
      expect((await api.call('GET', '/traces', { authorization })).status, authorization).toBe(401)
    }
  })

  it('refuses a key that names another project with 403', async () => {
    await api.call('POST', '/projects', { cookie, body: { id: 'other', name: 'Other' } })
    const res = await api.call('GET', '/traces', { key: key.token, project: 'other' })
    expect(res.status).toBe(403)
    expect(res.body.error.field).toBe('header.x-assay-project')
    expect((await api.call('GET', '/traces?project=other', { key: key.token })).status).toBe(403)
  })

  it('enforces scopes: an ingest-only key reads nothing, a read key writes nothing', async () => {
    const ingest = await api.newKey(cookie, 'default', { name: 'ingest', scopes: ['ingest'] })
    expect((await api.call('GET', '/traces', { key: ingest.token })).status).toBe(403)
    const read = await api.newKey(cookie, 'default', { name: 'read', scopes: ['read'] })
    expect((await api.call('GET', '/traces', { key: read.token })).status).toBe(200)
    const res = await api.call('POST', '/filter/validate', { key: read.token, body: { filter: '' } })
    expect(res.status).toBe(403)
    expect(res.body.error.message).toMatch(/'write' scope/)
  })

  it('lets the admin session choose the project, default first', async () => {
    expect((await api.call('GET', '/auth/me', { cookie })).body).toMatchObject({
      kind: 'admin',
      projectId: 'default',
    })
    expect((await api.call('GET', '/auth/me', { cookie, project: 'other' })).body.projectId).toBe('other')
    expect((await api.call('GET', '/auth/me?project=other', { cookie })).body.projectId).toBe('other')
    const missing = await api.call('GET', '/traces', { cookie, project: 'nope' })
    expect(missing.status).toBe(404)
    expect(missing.body.error.field).toBe('header.x-assay-project')
    const bad = await api.call('GET', '/traces?project=Not%20A%20Slug', { cookie })
    expect(bad.status).toBe(400)
    expect(bad.body.error.field).toBe('query.project')
  })

  it('sets an HTTP-only, SameSite session cookie on sign-in, and signing out ends the session', async () => {
    const res = await api.call('POST', '/auth/signin', { body: { secret: ADMIN_SECRET } })
    expect(res.status).toBe(200)
    const setCookie = res.headers.get('set-cookie')!
    expect(setCookie).toMatch(/^assay_session=[\w-]{43};/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/)
    const session = setCookie.split(';')[0]!
    expect((await api.call('GET', '/traces', { cookie: session })).status).toBe(200)
    const out = await api.call('POST', '/auth/signout', { cookie: session })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expect((await api.call('GET', '/traces', { cookie: session })).status).toBe(401)
    expect((await api.call('GET', '/traces', { cookie: 'assay_session=made-up' })).status).toBe(401)
  })

  it('marks the cookie Secure behind https', async () => {
    const res = await api.call('POST', '/auth/signin', {
      body: { secret: ADMIN_SECRET },
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('names the field of a wrong or missing secret', async () => {
    const missing = await api.call('POST', '/auth/signin', { body: {} })
    expect(missing.status).toBe(400)
    expect(missing.body.error.field).toBe('body.secret')
  })
})

describe('sign-in rate limit', () => {
  let api: AuthTestApi
  beforeAll(async () => {
    api = await startAuthApi()
  })
  afterAll(() => api.close())

  it('answers 429 with Retry-After after five failures a minute, even for the right secret', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', '/auth/signin', { body: { secret: `guess-${i}` } })
      expect(res.status).toBe(401)
      expect(res.body.error.field).toBe('body.secret')
    }
    const limited = await api.call('POST', '/auth/signin', { body: { secret: ADMIN_SECRET } })
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
  })
})

describe('a generated admin secret', () => {
  let api: AuthTestApi
  beforeAll(async () => {
    api = await startAuthApi({ adminSecret: undefined })
  })
  afterAll(() => api.close())

  it('is generated once, stored hashed, and signs in', async () => {
    const secret = await ensureAdminSecret(api.postgres.db)
    expect(secret).toMatch(/^as_[\w-]{32}$/)
    expect(await ensureAdminSecret(api.postgres.db)).toBeNull()
    const stored = await api.postgres.db.execute<{ h: string }>(
      "select password_hash as h from users where id = 'admin'" as never,
    )
    expect(stored.rows[0]!.h).toMatch(/^scrypt\$/)
    expect(stored.rows[0]!.h).not.toContain(secret!)
    expect((await api.call('POST', '/auth/signin', { body: { secret: 'nope' } })).status).toBe(401)
    await api.signIn(secret!)
  })
})

describe('auth off', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(() => api.close())

  it('lets every request in, on the default project or the one it names', async () => {
    expect((await api.request('GET', '/auth/me')).body).toEqual({
      authRequired: false,
      kind: 'open',
      projectId: 'default',
    })
    expect((await api.request('POST', '/projects', { id: 'p2', name: 'P2' })).status).toBe(201)
    expect((await api.request('GET', '/auth/me?project=p2')).body.projectId).toBe('p2')
    expect((await api.request('GET', '/traces?project=missing')).status).toBe(404)
  })

  it('has no sign-in', async () => {
    expect((await api.request('POST', '/auth/signin', { secret: 'x' })).status).toBe(409)
  })
})
