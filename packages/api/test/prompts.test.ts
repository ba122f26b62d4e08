// The prompt registry through real HTTP on embedded storage: versions (also under concurrency),
// resolving with ETags, aliases and their history, rendering, diffs, linked traces, and bad input.
import { emptySpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const get = (path: string) => api.request('GET', path)
const post = (path: string, body: unknown) => api.request('POST', path, body)
const put = (path: string, body: unknown) => api.request('PUT', path, body)

const chat = {
  type: 'chat',
  messages: [
    { role: 'system', content: 'You support {{product}}.' },
    { type: 'placeholder', name: 'history' },
    { role: 'user', content: '{{question}}' },
  ],
}

beforeAll(async () => {
  api = await startTestApi()
  await post('/prompts', { name: 'support', description: 'ticket answers', tags: { team: 'cx' } })
  await post('/prompts/support/versions', {
    template: chat,
    modelConfig: { model: 'gpt-4o-mini', temperature: 0 },
    commitMessage: 'first',
  })
  await post('/prompts/support/versions', {
    template: {
      ...chat,
      messages: [{ role: 'system', content: 'You support {{product}} kindly.' }, ...chat.messages.slice(1)],
    },
    modelConfig: { model: 'gpt-4o', temperature: 0.3 },
    responseFormat: { type: 'object', properties: { answer: { type: 'string' } } },
    commitMessage: 'kinder, structured',
  })
})
afterAll(() => api.close())

describe('prompts and versions', () => {
  it('creates a name once and lists prompts in pages', async () => {
    expect((await post('/prompts', { name: 'support' })).body.error.field).toBe('body.name')
    await post('/prompts', { name: 'aaa' })
    const first = await get('/prompts?limit=1')
    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['aaa'])
    const next = await get(`/prompts?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect(next.body.items[0]).toMatchObject({ name: 'support', latestVersion: 2, tags: { team: 'cx' } })
  })

  it('registers versions 1..20 without gaps when 20 requests race on a new name', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('/prompts/racy/versions', { template: { type: 'text', text: `v${i} {{x}}` } }),
      ),
    )
    expect(results.every((r) => r.status === 201)).toBe(true)
    const numbers = results.map((r) => r.body.version as number).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it('gets and lists versions, newest first', async () => {
    const one = await get('/prompts/support/versions/1')
    expect(one.body).toMatchObject({ name: 'support', version: 1, template: chat, commitMessage: 'first' })
    const page = await get('/prompts/support/versions?limit=1')
    expect(page.body.items.map((v: { version: number }) => v.version)).toEqual([2])
    const rest = await get(
      `/prompts/support/versions?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`,
    )
    expect(rest.body.items.map((v: { version: number }) => v.version)).toEqual([1])
  })

  it('names the field for bad input', async () => {
    const cases: [ReturnType<TestApi['request']>, number, string][] = [
      [get('/prompts/support/versions/9'), 404, 'path.version'],
      [get('/prompts/nobody/versions/1'), 404, 'path.name'],
      [get('/prompts/support/versions/x'), 400, 'path.version'],
      [
        post('/prompts/support/versions', { template: { type: 'chat', messages: [] } }),
        400,
        'body.template.messages',
      ],
      [post('/prompts/bad%20name/versions', { template: { type: 'text', text: '' } }), 400, 'path.name'],
      [post('/prompts', { name: 'resolve' }), 400, 'body.name'],
      [get('/prompts/support/versions?cursor=abc'), 400, 'query.cursor'],
    ]
    for (const [response, status, field] of cases) {
      const res = await response
      expect([res.status, res.body.error.field]).toEqual([status, field])
    }
  })
})

describe('aliases and resolving', () => {
  it('moves aliases, keeps the history and resolves name, name/N and name@alias', async () => {
    expect((await put('/prompts/support/aliases/production', { version: 1 })).status).toBe(200)
    expect((await get('/prompts/resolve?ref=support@production')).body).toMatchObject({
      version: 1,
      alias: 'production',
    })
    await put('/prompts/support/aliases/production', { version: 2 })
    expect((await get('/prompts/resolve?ref=support@production')).body.version).toBe(2)
    expect((await get('/prompts/resolve?ref=support')).body.version).toBe(2)
    expect((await get('/prompts/resolve?ref=support/1')).body.template).toEqual(chat)
    const history = await get('/prompts/support/aliases/history?alias=production')
    expect(
      history.body.items.map((h: { previousVersion: number | null; version: number }) => [
        h.previousVersion,
        h.version,
      ]),
    ).toEqual([
      [1, 2],
      [null, 1],
    ])
    const prompt = await get('/prompts/support')
    expect(prompt.body.aliases).toEqual([expect.objectContaining({ name: 'production', version: 2 })])
  })

  it('answers 304 when If-None-Match carries the current ETag, and a new tag once the alias moves', async () => {
    await put('/prompts/support/aliases/staging', { version: 1 })
    const url = `${api.url}/prompts/resolve?ref=support@staging`
    const first = await fetch(url)
    const etag = first.headers.get('etag')!
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const again = await fetch(url, { headers: { 'if-none-match': `W/"other", ${etag}` } })
    expect([again.status, await again.text()]).toEqual([304, ''])
    await put('/prompts/support/aliases/staging', { version: 2 })
    const moved = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(moved.status).toBe(200)
    expect(moved.headers.get('etag')).not.toBe(etag)
    expect(((await moved.json()) as { version: number }).version).toBe(2)
  })

  it('deletes an alias (recorded) and refuses unknown aliases and the reserved latest', async () => {
    await put('/prompts/support/aliases/canary', { version: 1 })
    expect((await api.request('DELETE', '/prompts/support/aliases/canary')).status).toBe(204)
    const history = await get('/prompts/support/aliases/history?alias=canary')
    expect(history.body.items[0]).toMatchObject({ version: null, previousVersion: 1 })
    const cases: [ReturnType<TestApi['request']>, number, string][] = [
      [get('/prompts/resolve?ref=support@canary'), 404, 'query.ref'],
      [get('/prompts/resolve?ref=ghost'), 404, 'query.ref'],
      [get('/prompts/resolve?ref=support/'), 400, 'query.ref'],
      [api.request('DELETE', '/prompts/support/aliases/canary'), 404, 'path.alias'],
      [put('/prompts/support/aliases/latest', { version: 1 }), 400, 'path.alias'],
      [put('/prompts/support/aliases/beta', { version: 7 }), 404, 'body.version'],
      [put('/prompts/support/aliases/beta', {}), 400, 'body.version'],
    ]
    for (const [response, status, field] of cases) {
      const res = await response
      expect([res.status, res.body.error.field], field).toEqual([status, field])
    }
    expect((await put('/prompts/support/aliases/latest', { version: 1 })).body.error.message).toMatch(
      /reserved/,
    )
  })
})

describe('rendering', () => {
  const history = [
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
  ]

  it('fills variables and messages placeholders, with the model config beside', async () => {
    const res = await post('/prompts/support/versions/1/render', {
      variables: { product: 'Assay', history, question: 'How?' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      version: 1,
      modelConfig: { model: 'gpt-4o-mini' },
      rendered: {
        type: 'chat',
        messages: [
          { role: 'system', content: 'You support Assay.' },
          ...history,
          { role: 'user', content: 'How?' },
        ],
      },
    })
    const byRef = await post('/prompts/render', {
      ref: 'support@production',
      variables: { product: 'Assay', history: [], question: 'q' },
    })
    expect(byRef.body.rendered.messages[0].content).toBe('You support Assay kindly.')
  })

  it('names a missing, unknown or ill-typed variable', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ product: 'A', history }, 'body.variables.question', /missing variable 'question'/],
      [
        { product: 'A', history, question: 'q', tone: 'warm' },
        'body.variables.tone',
        /unknown variable 'tone'/,
      ],
      [{ product: 'A', history: 'none', question: 'q' }, 'body.variables.history', /list of messages/],
    ]
    for (const [variables, field, message] of cases) {
      const res = await post('/prompts/support/versions/1/render', { variables })
      expect([res.status, res.body.error.field]).toEqual([400, field])
      expect(res.body.error.message).toMatch(message)
    }
    const missingRef = await post('/prompts/render', { ref: 'support@nope', variables: {} })
    expect([missingRef.status, missingRef.body.error.field]).toEqual([404, 'body.ref'])
  })
})

describe('diff and traces', () => {
  it('diffs two versions: template lines, model config keys, response format', async () => {
    const res = await get('/prompts/support/diff?from=1&to=2')
    expect(res.status).toBe(200)
    expect(res.body.template.changed).toBe(true)
    expect(res.body.template.lines).toEqual(
      expect.arrayContaining([
        { op: 'remove', text: 'You support {{product}}.' },
        { op: 'add', text: 'You support {{product}} kindly.' },
        { op: 'equal', text: '[messages placeholder: history]' },
      ]),
    )
    expect(res.body.template.patch).toContain('--- support/1')
    expect(res.body.modelConfig).toEqual([
      { key: 'model', from: 'gpt-4o-mini', to: 'gpt-4o' },
      { key: 'temperature', from: 0, to: 0.3 },
    ])
    expect(res.body.responseFormat).toMatchObject({ changed: true, from: null })
    const bad = await get('/prompts/support/diff?from=1&to=8')
    expect([bad.status, bad.body.error.field]).toEqual([404, 'query.to'])
  })

  it('lists the traces whose spans used a version', async () => {
    const now = BigInt(Date.now()) * 1_000_000n
    const span = (i: number, version: string) => ({
      ...emptySpanRow({
        project_id: api.projectId,
        trace_id: `${'a'.repeat(31)}${i}`,
        span_id: `${'b'.repeat(15)}${i}`,
        start_time: String(now - BigInt(i) * 1_000_000_000n),
        end_time: String(now - BigInt(i) * 1_000_000_000n + 1_000_000n),
      }),
      prompt_name: 'support',
      prompt_version: version,
    })
    await insertSpans(api.clickhouse, [span(1, '1'), span(2, '2'), span(3, '1')])
    const res = await get('/prompts/support/versions/1/traces?limit=1')
    expect(res.status).toBe(200)
    expect(res.body.items.map((t: { trace_id: string }) => t.trace_id.slice(-1))).toEqual(['1'])
    const next = await get(
      `/prompts/support/versions/1/traces?limit=1&cursor=${encodeURIComponent(res.body.nextCursor)}`,
    )
    expect(next.body.items.map((t: { trace_id: string }) => t.trace_id.slice(-1))).toEqual(['3'])
    expect((await get('/prompts/support/versions/5/traces')).status).toBe(404)
  })
})
