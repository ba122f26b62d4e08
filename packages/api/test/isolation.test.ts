// Isolation: a key of project A, sent to every route of the OpenAPI
// document (so a new route is covered the day it is documented) with the
// ids of project B's objects, gets 403 or 404 and never B's data; and B's
// data is intact afterwards. B's objects are made by the admin: a trace,
// an assessment and a key explicitly, and one of everything else by
// POSTing a sample body to each documented collection.
import '@hono/zod-openapi' // before @assay/core builds its schemas: it gives them .openapi()
import { emptySpanRow, type SpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AuthTestApi, type CallResult, startAuthApi } from './support/auth-harness.js'
import { sampleOf } from './support/openapi-sample.js'

const A = 'iso-a'
const B = 'iso-b'
const B_MARK = 'isobmarker'
const A_MARK = 'isoamarker'
const traceOf: Record<string, string> = { [A]: 'a0'.repeat(16), [B]: 'b0'.repeat(16) }
const spanOf: Record<string, string> = { [A]: 'a000000000000001', [B]: 'b000000000000001' }
const PUBLIC = new Set(['/openapi.json', '/auth/signin', '/auth/signout'])
/** Reads and deletions before writes: a write may make an A object named like B's (a prompt version). */
const ORDER = ['GET', 'DELETE', 'POST', 'PUT', 'PATCH']

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is untyped JSON
type Json = any
type Operation = { method: string; template: string; op: Json }
type Row = Record<string, unknown>

let api: AuthTestApi
let cookie: string
let keyA: string
let keyB: { id: string; prefix: string; token: string }
let assessmentB: string
let doc: Json
/** B's objects by the route template that listed or made them; `createdB` only those B's POSTs made. */
const recordsB = new Map<string, Row[]>()
const createdB = new Map<string, Row[]>()
/** Strings only B's data holds; none may reach A unless A sent it. */
const secretsOfB = new Set<string>([B_MARK, traceOf[B]!])

function spans(project: string, mark: string): SpanRow[] {
  const now = BigInt(Date.now()) * 1_000_000n
  const span = emptySpanRow({
    project_id: project,
    trace_id: traceOf[project]!,
    span_id: spanOf[project]!,
    start_time: String(now - 60_000_000_000n),
    end_time: String(now - 59_000_000_000n),
  })
  return [
    {
      ...span,
      name: `${mark} root`,
      kind: 'LLM',
      session_id: `${mark}-session`,
      user_id: `${mark}-user`,
      model_id: `${mark}-model`,
      input: JSON.stringify(`${mark} input`),
      output: JSON.stringify(`${mark} output`),
    },
  ]
}

const operations = (): Operation[] =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>)
    .flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), template, op })),
    )
    .sort((x, y) => ORDER.indexOf(x.method) - ORDER.indexOf(y.method))

const paramsOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)

/**
 * A value of B for a path parameter: a known id, else one from the records
 * of the collection before it, and only a value that is B's alone (a name
 * A may have too, a built-in or an example, proves nothing).
 */
function valueOfB(template: string, name: string, filled: string): string | undefined {
  const known: Record<string, string> = {
    traceId: traceOf[B]!,
    spanId: spanOf[B]!,
    sessionId: `${B_MARK}-session`,
    projectId: B,
    keyId: keyB.id,
  }
  if (known[name]) return known[name]
  const collection = filled.slice(0, filled.indexOf(`{${name}}`) - 1)
  const collectionTemplate = template.slice(0, template.indexOf(`{${name}}`) - 1)
  if (collectionTemplate === '/assessments') return assessmentB
  // Every object B made has a first version.
  if (name === 'version' && collection.includes(B_MARK)) return '1'
  const records = [...(recordsB.get(collection) ?? []), ...(recordsB.get(collectionTemplate) ?? [])]
  for (const field of [name, 'id', 'name', name.replace(/Id$/, ''), 'version']) {
    for (const record of records) {
      const value = record[field]
      if (typeof value === 'number' && collection.includes(B_MARK)) return String(value)
      if (typeof value === 'string' && (value.includes(B_MARK) || secretsOfB.has(value))) return value
    }
  }
  return undefined
}

/** The template filled with B's values, or null when B has no such object. */
function pathOfB(template: string): string | null {
  let path = template
  for (const name of paramsOf(template)) {
    const value = valueOfB(template, name, path)
    if (value === undefined) return null
    path = path.replace(`{${name}}`, encodeURIComponent(value))
  }
  return path
}

/** Body fields that point at another object point at B's. */
function pickOfB(property: string): unknown {
  if (property === 'trace_ids') return [traceOf[B]]
  const ids: Record<string, string> = {
    trace_id: traceOf[B]!,
    traceId: traceOf[B]!,
    span_id: spanOf[B]!,
    spanId: spanOf[B]!,
  }
  return ids[property]
}

function requestOf(operation: Operation, path: string, marker: string, pick?: (p: string) => unknown) {
  const options = { components: doc.components?.schemas ?? {}, marker, pick }
  const query = new URLSearchParams()
  for (const p of operation.op.parameters ?? [])
    if (p.in === 'query' && p.required) query.set(p.name, String(sampleOf(p.schema, options)))
  const schema = operation.op.requestBody?.content?.['application/json']?.schema
  const body = schema ? sampleOf(schema, options) : undefined
  return { url: query.size ? `${path}?${query}` : path, body }
}

/** How B's seeds point at B's other objects (a run's dataset, model and evaluators). */
function seedPick(property: string): unknown {
  const latest = (collection: string, field: string) =>
    (createdB.get(collection) ?? recordsB.get(collection) ?? []).map((r) => r[field]).at(-1)
  if (property === 'name') return B_MARK
  if (property === 'evaluators') return [{ name: latest('/evaluators', 'name') ?? B_MARK }]
  if (property === 'datasetVersion')
    return recordsB
      .get('/datasets')
      ?.map((r) => r.version)
      .at(-1)
  const id = /^(?:.*?)([A-Z]?[a-z]+)(?:Id|_id)$/.exec(property)?.[1]?.toLowerCase()
  return id ? latest(`/${id}s`, 'id') : undefined
}

function remember(key: string, res: CallResult, created: boolean): void {
  if (res.status >= 300 || !res.body || typeof res.body !== 'object') return
  const top: Row[] = Array.isArray(res.body.items) ? res.body.items : [res.body]
  // `{evaluator: {...}, version: {...}}` answers count their parts as records too.
  const items = top.flatMap((r) => [
    r,
    ...Object.values(r).filter((v): v is Row => !!v && typeof v === 'object' && 'id' in v),
  ])
  recordsB.set(key, [...(recordsB.get(key) ?? []), ...items])
  if (!created) return
  createdB.set(key, [...(createdB.get(key) ?? []), ...items])
  for (const item of items) if (typeof item.id === 'string' && item.id.length >= 16) secretsOfB.add(item.id)
}

beforeAll(async () => {
  api = await startAuthApi()
  cookie = await api.signIn()
  for (const id of [A, B]) await api.call('POST', '/projects', { cookie, body: { id, name: id } })
  keyA = (await api.newKey(cookie, A, { name: 'a', scopes: ['admin'] })).token
  keyB = await api.newKey(cookie, B, { name: `${B_MARK}-key` })
  secretsOfB.add(keyB.prefix).add(keyB.id)
  await insertSpans(api.clickhouse, [...spans(A, A_MARK), ...spans(B, B_MARK)])
  const assessed = await api.call('POST', `/traces/${traceOf[B]}/assessments`, {
    cookie,
    project: B,
    body: { name: `${B_MARK}_quality`, value: 1, rationale: B_MARK },
  })
  expect(assessed.status).toBe(201)
  assessmentB = assessed.body.assessment_id
  secretsOfB.add(assessmentB)
  doc = (await api.call('GET', '/openapi.json')).body
  // One object of every collection for B (a POST where the same path lists), parents first.
  const creations = operations()
    .filter(
      (o) =>
        o.method === 'POST' && doc.paths[o.template].get && !/^\/(projects|auth|traces)/.test(o.template),
    )
    .sort((x, y) => paramsOf(x.template).length - paramsOf(y.template).length)
  // Twice: a run needs a dataset and a model made before it.
  for (const creation of [...creations, ...creations]) {
    const path = pathOfB(creation.template)
    if (path === null || createdB.has(path)) continue
    const { url, body } = requestOf(creation, path, B_MARK, seedPick)
    const res = await api.call('POST', url, { cookie, project: B, body })
    remember(path, res, true)
    remember(creation.template, res, true)
    // Its collection as listed, for the objects a POST does not answer with (versions, items).
    remember(path, await api.call('GET', path, { cookie, project: B }), false)
  }
  // Objects named by a PUT (aliases): the last parameter is a new name.
  for (const put of operations().filter((o) => o.method === 'PUT' && o.template.endsWith('}'))) {
    const last = paramsOf(put.template).at(-1)!
    const parent = put.template.slice(0, put.template.lastIndexOf('/'))
    const parentPath = pathOfB(parent)
    if (parentPath === null) continue
    const { body } = requestOf(put, parentPath, B_MARK, seedPick)
    const res = await api.call('PUT', `${parentPath}/${B_MARK}`, { cookie, project: B, body })
    if (res.status < 300) recordsB.set(parentPath, [{ [last]: B_MARK }])
  }
  for (const list of operations().filter((o) => o.method === 'GET' && paramsOf(o.template).length === 0)) {
    const { url } = requestOf(list, list.template, B_MARK)
    remember(list.template, await api.call('GET', url, { cookie, project: B }), false)
  }
}, 120_000)
afterAll(() => api.close())

describe('a key of project A against project B', () => {
  it('covers every documented route', () => {
    expect(operations().length).toBeGreaterThan(20)
  })

  it('gets 403 or 404 on every route addressing an object of B, and never B’s data anywhere', async () => {
    const failures: string[] = []
    const unseeded: string[] = []
    const unproven: string[] = []
    for (const operation of operations()) {
      if (PUBLIC.has(operation.template)) continue
      const addressed = paramsOf(operation.template).length > 0
      const path = addressed ? pathOfB(operation.template) : operation.template
      if (path === null) {
        unseeded.push(`${operation.method} ${operation.template}`)
        continue
      }
      const { url, body } = requestOf(operation, path, A_MARK, pickOfB)
      const res = await api.call(operation.method, url, { key: keyA, body })
      const label = `${operation.method} ${url} -> ${res.status}`
      const sent = `${decodeURIComponent(url)} ${JSON.stringify(body ?? null)}`
      const leaked = [...secretsOfB].filter((s) => res.text.includes(s) && !sent.includes(s))
      if (leaked.length) failures.push(`${label}: leaked ${leaked.join(', ')}`)
      if (res.status >= 500) failures.push(`${label}: server error`)
      if (!addressed || [403, 404].includes(res.status)) continue
      if (operation.method === 'GET' || operation.method === 'DELETE')
        failures.push(`${label}: expected 403/404, got ${res.text.slice(0, 200)}`)
      // A write may act on A alone (create A's own prompt of that name) or refuse the
      // sample body first; B's side is checked afterwards either way.
      else if (res.status === 400 || res.status === 415) unproven.push(label)
      else if (res.status >= 300) failures.push(`${label}: expected 403/404, got ${res.text.slice(0, 200)}`)
    }
    if (unproven.length)
      console.warn(`writes refused before the lookup (sample body):\n${unproven.join('\n')}`)
    expect(failures).toEqual([])
    expect(unseeded, 'no object of B for these routes: make the seeding create one').toEqual([])
  }, 120_000)

  it('is refused when it names project B', async () => {
    const lists = operations().filter((o) => o.method === 'GET' && paramsOf(o.template).length === 0)
    for (const operation of lists) {
      if (PUBLIC.has(operation.template)) continue
      const { url } = requestOf(operation, operation.template, A_MARK)
      const res = await api.call('GET', url, { key: keyA, project: B })
      expect(res.status, operation.template).toBe(403)
      expect(res.text).not.toContain(B_MARK)
    }
  })

  it('left B’s data as it was', async () => {
    const trace = await api.call('GET', `/traces/${traceOf[B]}`, { cookie, project: B })
    expect(trace.status).toBe(200)
    expect(trace.body.spans).toHaveLength(1)
    const assessments = await api.call('GET', `/traces/${traceOf[B]}/assessments`, { cookie, project: B })
    expect(assessments.body.items.map((a: Row) => a.assessment_id)).toContain(assessmentB)
    expect((await api.call('GET', '/auth/me', { key: keyB.token })).status).toBe(200)
    for (const [path, records] of createdB) {
      if (path.includes('{')) continue
      const res = await api.call('GET', path, { cookie, project: B })
      const listed = JSON.stringify(res.body)
      for (const record of records) {
        const id = record.id ?? record.name
        if (typeof id === 'string') expect(listed, `${path} lost ${id}`).toContain(id)
      }
    }
  })
})
