// Auth on, end to end against `assay serve`: OTLP exports without a good
// key are refused (401 over HTTP, UNAUTHENTICATED over gRPC), a key routes
// its exports to its project (and nowhere else), and a revoked key stops
// at once for exports as for the API.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltTrace, buildTrace } from './collector/helpers/otlp.js'
import { encodeTracesRequest } from './collector/helpers/otlp-proto.js'
import { type AssayProcess, startAssay } from './server-process.js'

const ADMIN_SECRET = 'server-test-admin-secret'
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field
type Body = any
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-auth-otlp-'))
let assay: AssayProcess
let cookie: string
const keys: Record<string, { id: string; token: string }> = {}

async function api(method: string, route: string, init: { key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = init.key ? { authorization: `Bearer ${init.key}` } : { cookie }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${assay.url}/api${route}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as Body }
}

function exportHttp(trace: BuiltTrace, authorization?: string, route = '/v1/traces') {
  return fetch(`${assay.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(trace.request),
  })
}

function exportGrpc(trace: BuiltTrace, authorization?: string): Promise<grpc.ServiceError | null> {
  const client = new grpc.Client(`127.0.0.1:${assay.grpcPort}`, grpc.credentials.createInsecure())
  const metadata = new grpc.Metadata()
  if (authorization) metadata.set('authorization', authorization)
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
      (b: Buffer) => b,
      (b: Buffer) => b,
      encodeTracesRequest(trace.request),
      metadata,
      (error) => {
        client.close()
        resolve(error)
      },
    )
  })
}

beforeAll(async () => {
  assay = await startAssay({
    ASSAY_DATA_DIR: path.join(tmp, 'data'),
    ASSAY_AUTH: 'on',
    ASSAY_ADMIN_SECRET: ADMIN_SECRET,
  })
  const signIn = await fetch(`${assay.url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: ADMIN_SECRET }),
  })
  expect(signIn.status).toBe(200)
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
  for (const project of ['team-a', 'team-b']) {
    expect((await api('POST', '/projects', { body: { id: project, name: project } })).status).toBe(201)
    const created = await api('POST', `/projects/${project}/keys`, { body: { name: 'otel' } })
    keys[project] = { id: (created.body.key as { id: string }).id, token: created.body.secret }
  }
}, 90_000)
afterAll(async () => {
  if (assay) expect(await assay.stop()).toBe(0)
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('OTLP with auth on', () => {
  it('refuses an HTTP export without a key or with a wrong one: 401', async () => {
    const trace = buildTrace(1)
    expect((await exportHttp(trace)).status).toBe(401)
    expect((await exportHttp(trace, `Bearer ak_000000000000_${'x'.repeat(43)}`)).status).toBe(401)
    const wrongSecret = `${keys['team-a']!.token.slice(0, 16)}${'y'.repeat(43)}`
    expect((await exportHttp(trace, `Bearer ${wrongSecret}`, '/api/public/otel/v1/traces')).status).toBe(401)
    expect((await api('GET', `/traces/${trace.traceId}`, { key: keys['team-a']!.token })).status).toBe(404)
  })

  it('refuses a gRPC export without a key or with a wrong one: UNAUTHENTICATED', async () => {
    const trace = buildTrace(1)
    expect((await exportGrpc(trace))?.code).toBe(grpc.status.UNAUTHENTICATED)
    expect((await exportGrpc(trace, 'Bearer nonsense'))?.code).toBe(grpc.status.UNAUTHENTICATED)
  })

  it("writes each key's exports to its own project, over HTTP (Bearer and Basic) and gRPC", async () => {
    const a = buildTrace(2)
    const b = buildTrace(2)
    const viaGrpc = buildTrace(1)
    expect((await exportHttp(a, `Bearer ${keys['team-a']!.token}`)).status).toBe(200)
    const [prefix, secret] = [keys['team-b']!.token.slice(0, 15), keys['team-b']!.token.slice(16)]
    const basic = `Basic ${Buffer.from(`${prefix}:${secret}`).toString('base64')}`
    expect((await exportHttp(b, basic, '/api/public/otel/v1/traces')).status).toBe(200)
    expect(await exportGrpc(viaGrpc, `Bearer ${keys['team-a']!.token}`)).toBeNull()
    const [keyA, keyB] = [keys['team-a']!.token, keys['team-b']!.token]
    expect((await api('GET', `/traces/${a.traceId}`, { key: keyA })).status).toBe(200)
    expect((await api('GET', `/traces/${viaGrpc.traceId}`, { key: keyA })).status).toBe(200)
    expect((await api('GET', `/traces/${b.traceId}`, { key: keyB })).status).toBe(200)
    expect((await api('GET', `/traces/${a.traceId}`, { key: keyB })).status).toBe(404)
    expect((await api('GET', `/traces/${b.traceId}`, { key: keyA })).status).toBe(404)
    const spans = (await api('GET', `/traces/${b.traceId}`, { key: keyB })).body.spans as {
      project_id: string
    }[]
    expect(new Set(spans.map((s) => s.project_id))).toEqual(new Set(['team-b']))
  })

  it('stops a revoked key at once, for exports over both protocols', async () => {
    const created = await api('POST', '/projects/team-a/keys', { body: { name: 'short-lived' } })
    const token: string = created.body.secret
    expect((await exportHttp(buildTrace(1), `Bearer ${token}`)).status).toBe(200)
    const revoked = await api('DELETE', `/projects/team-a/keys/${(created.body.key as { id: string }).id}`)
    expect(revoked.status).toBe(200)
    expect((await exportHttp(buildTrace(1), `Bearer ${token}`)).status).toBe(401)
    expect((await exportGrpc(buildTrace(1), `Bearer ${token}`))?.code).toBe(grpc.status.UNAUTHENTICATED)
    expect((await api('GET', '/traces', { key: token })).status).toBe(401)
  })
})
