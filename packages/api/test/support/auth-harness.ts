/**
 * The test API with authentication on: `startTestApi` plus an Auth built
 * on its own Postgres (the deps object keeps a reference, so filling it in
 * after start-up is enough), and a fetch helper that sends a key, a
 * session cookie or a project choice.
 */
import { type Auth, type AuthOptions, createAuth } from '../../src/auth/index.js'
import { startTestApi, type TestApi } from './harness.js'

export interface AuthTestApi extends TestApi {
  auth: Auth
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>
  /** Signs in with the admin secret and returns the session cookie (`name=value`). */
  signIn(secret?: string): Promise<string>
  /** Creates a key in a project as the admin; returns the key's id, prefix and whole token. */
  newKey(
    cookie: string,
    projectId: string,
    body?: object,
  ): Promise<{ id: string; prefix: string; token: string }>
}

export interface CallOptions {
  key?: string
  /** A raw Authorization header value. */
  authorization?: string
  cookie?: string
  project?: string
  body?: unknown
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: assertions read response bodies field by field
  body: any
  text: string
  headers: Headers
}

export const ADMIN_SECRET = 'test-admin-secret-that-is-long-enough'

export async function startAuthApi(options: Partial<AuthOptions> = {}): Promise<AuthTestApi> {
  const auth = {} as Auth
  const api = await startTestApi({ auth })
  Object.assign(
    auth,
    createAuth({ db: api.postgres.db, required: true, adminSecret: ADMIN_SECRET, ...options }),
  )
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = { ...o.headers }
    if (o.key) headers.authorization = `Bearer ${o.key}`
    if (o.authorization) headers.authorization = o.authorization
    if (o.cookie) headers.cookie = o.cookie
    if (o.project) headers['x-assay-project'] = o.project
    if (o.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    })
    const text = await res.text()
    let body: unknown = text
    try {
      body = text === '' ? null : JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: res.status, body, text, headers: res.headers }
  }
  return {
    ...api,
    auth,
    call,
    async signIn(secret = ADMIN_SECRET) {
      const res = await call('POST', '/auth/signin', { body: { secret } })
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`)
      return res.headers.get('set-cookie')!.split(';')[0]!
    },
    async newKey(cookie, projectId, body = { name: 'test' }) {
      const res = await call('POST', `/projects/${projectId}/keys`, { cookie, body })
      if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${res.text}`)
      return { id: res.body.key.id, prefix: res.body.key.prefix, token: res.body.secret }
    },
  }
}
