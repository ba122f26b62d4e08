// Datasets through real HTTP on embedded storage: versioned bulk item changes, reads as of a version,
// JSON Lines and CSV imports with rejected lines reported, items from traces, and bad input named.
import http from 'node:http'
import { emptySpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
beforeAll(async () => {
  api = await startTestApi()
})
afterAll(() => api.close())

let names = 0
async function newDataset(): Promise<string> {
  const res = await api.request('POST', '/datasets', { name: `ds-${++names}` })
  expect(res.status).toBe(201)
  return res.body.id
}

async function upload(datasetId: string, contentType: string, body: string) {
  const res = await fetch(`${api.url}/datasets/${datasetId}/import`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked field by field
  return { status: res.status, body: (await res.json()) as any }
}

/**
 * A chunked JSON POST on its own connection (no keep-alive): a server that
 * answers 413 early closes it, and a pooled socket would fail the next test.
 */
function postChunked(path: string, chunks: number, chunkBytes: number) {
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked field by field
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(
      `${api.url}${path}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (d: Buffer) => parts.push(d))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString()) }),
        )
      },
    )
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)))
    const chunk = Buffer.alloc(chunkBytes, ' ')
    let sent = 0
    const write = (): void => {
      while (sent < chunks && !req.destroyed) {
        sent++
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      if (!req.destroyed) req.end()
    }
    write()
  })
}

async function itemsOf(datasetId: string, query = '') {
  const res = await api.request('GET', `/datasets/${datasetId}/items?limit=1000${query}`)
  expect(res.status).toBe(200)
  return res.body as { version: number; items: { id: string; inputs: Record<string, unknown> }[] }
}

describe('datasets', () => {
  it('creates, gets and lists datasets; a taken name is 409 body.name; bad input names the field', async () => {
    const created = await api.request('POST', '/datasets', { name: 'golden', description: 'hand-checked' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'golden', description: 'hand-checked', version: 0, tags: {} })
    expect((await api.request('GET', `/datasets/${created.body.id}`)).body).toMatchObject({
      name: 'golden',
      itemCount: 0,
    })
    const taken = await api.request('POST', '/datasets', { name: 'golden' })
    expect([taken.status, taken.body.error.field]).toEqual([409, 'body.name'])
    const noName = await api.request('POST', '/datasets', { description: 'x' })
    expect([noName.status, noName.body.error.field]).toEqual([400, 'body.name'])
    const missing = await api.request('GET', '/datasets/no-such-dataset')
    expect([missing.status, missing.body.error.field]).toEqual([404, 'path.datasetId'])
  })

  it('pages the list by name with a tamper-evident cursor', async () => {
    for (const name of ['list-b', 'list-a']) await api.request('POST', '/datasets', { name })
    const all = (await api.request('GET', '/datasets?limit=1000')).body.items.map(
      (d: { name: string }) => d.name,
    )
    expect(all).toEqual([...all].sort())
    const first = await api.request('GET', '/datasets?limit=1')
    const second = await api.request('GET', `/datasets?limit=1&cursor=${first.body.nextCursor}`)
    expect(second.body.items[0].name).toBe(all[1])
    const tampered = await api.request('GET', `/datasets?cursor=${first.body.nextCursor.slice(0, -2)}xx`)
    expect([tampered.status, tampered.body.error.field]).toEqual([400, 'query.cursor'])
  })
})

describe('dataset items', () => {
  it('adds, updates and deletes in bulk, one version each, and reads each version back', async () => {
    const id = await newDataset()
    const added = await api.request('POST', `/datasets/${id}/items`, {
      items: [
        {
          inputs: { q: 'capital of France?' },
          expectations: { answer: 'Paris' },
          metadata: { topic: 'geo' },
        },
        { inputs: { q: '2+2?' }, expectations: { answer: 4 } },
      ],
    })
    expect(added.status).toBe(201)
    expect(added.body.version).toBe(1)
    const [france, sum] = added.body.ids
    const updated = await api.request('PATCH', `/datasets/${id}/items`, {
      items: [{ id: sum, expectations: { answer: '4' } }],
    })
    expect(updated.body).toEqual({ version: 2, updated: 1 })
    const deleted = await api.request('DELETE', `/datasets/${id}/items`, { ids: [france, 'gone'] })
    expect(deleted.body).toEqual({ version: 3, deleted: 1, notFound: ['gone'] })

    const v1 = await itemsOf(id, '&version=1')
    expect(v1.items.map((i) => i.inputs.q)).toEqual(['capital of France?', '2+2?'])
    expect(v1.items[1]).toMatchObject({ id: sum, expectations: { answer: 4 }, version: 1 })
    expect((await itemsOf(id, '&version=2')).items[1]).toMatchObject({
      expectations: { answer: '4' },
      version: 2,
    })
    const latest = await itemsOf(id)
    expect(latest.version).toBe(3)
    expect(latest.items.map((i) => i.id)).toEqual([sum])
    expect((await api.request('GET', `/datasets/${id}`)).body).toMatchObject({ version: 3, itemCount: 1 })
  })

  it('pages items with a cursor bound to the version it was read at', async () => {
    const id = await newDataset()
    await api.request('POST', `/datasets/${id}/items`, {
      items: [{ inputs: { n: 1 } }, { inputs: { n: 2 } }],
    })
    await api.request('POST', `/datasets/${id}/items`, { items: [{ inputs: { n: 3 } }] })
    const first = await api.request('GET', `/datasets/${id}/items?version=1&limit=1`)
    const next = await api.request(
      'GET',
      `/datasets/${id}/items?version=1&limit=1&cursor=${first.body.nextCursor}`,
    )
    expect(next.body.items.map((i: { inputs: { n: number } }) => i.inputs.n)).toEqual([2])
    expect(next.body.nextCursor).toBeUndefined()
    const reused = await api.request('GET', `/datasets/${id}/items?version=2&cursor=${first.body.nextCursor}`)
    expect([reused.status, reused.body.error.field]).toEqual([400, 'query.cursor'])
    const future = await api.request('GET', `/datasets/${id}/items?version=9`)
    expect([future.status, future.body.error.field]).toEqual([400, 'query.version'])
    const negative = await api.request('GET', `/datasets/${id}/items?version=-1`)
    expect([negative.status, negative.body.error.field]).toEqual([400, 'query.version'])
  })

  it('answers bad items with a 4xx naming the item and field, and changes nothing', async () => {
    const id = await newDataset()
    const cases: [string, string, unknown, number, string][] = [
      ['POST', 'items', { items: [{ inputs: {} }, { inputs: 'text' }] }, 400, 'body.items.1.inputs'],
      ['POST', 'items', { items: [{ inputs: {}, expectation: {} }] }, 400, 'body.items.0'],
      ['POST', 'items', { items: [{ inputs: {}, metadata: { n: 1 } }] }, 400, 'body.items.0.metadata.n'],
      ['POST', 'items', { items: [] }, 400, 'body.items'],
      ['PATCH', 'items', { items: [{ id: 'x' }] }, 400, 'body.items.0'],
      [
        'PATCH',
        'items',
        {
          items: [
            { id: 'x', inputs: {} },
            { id: 'x', inputs: {} },
          ],
        },
        400,
        'body.items.1.id',
      ],
      ['PATCH', 'items', { items: [{ id: 'nope', inputs: {} }] }, 404, 'body.items.0.id'],
      ['DELETE', 'items', { ids: [] }, 400, 'body.ids'],
      ['POST', 'items/from-traces', { trace_ids: ['xyz'] }, 400, 'body.trace_ids.0'],
    ]
    for (const [method, path, body, status, field] of cases) {
      const res = await api.request(method, `/datasets/${id}/${path}`, body)
      expect([method, path, res.status, res.body.error?.field]).toEqual([method, path, status, field])
    }
    const unknown = await api.request('POST', '/datasets/nope/items', { items: [{ inputs: {} }] })
    expect([unknown.status, unknown.body.error.field]).toEqual([404, 'path.datasetId'])
    expect((await api.request('GET', `/datasets/${id}`)).body.version).toBe(0)
  })

  it('refuses more than 10,000 items, or a body past the limit, with a 413', async () => {
    const id = await newDataset()
    const many = Array.from({ length: 10_001 }, () => ({ inputs: {} }))
    const tooMany = await api.request('POST', `/datasets/${id}/items`, { items: many })
    expect([tooMany.status, tooMany.body.error.field]).toEqual([413, 'body.items'])
    // Chunked, without a Content-Length: the limit holds while reading.
    const chunked = await postChunked(`/datasets/${id}/items/from-traces`, 40, 64 * 1024)
    expect(chunked.status).toBe(413)
    expect(chunked.body.error).toMatchObject({ field: 'body', message: expect.stringMatching(/limit/) })
  })
})

describe('dataset imports', () => {
  it('imports JSON Lines: a line that is not JSON is reported with its number, the rest imported in one version', async () => {
    const id = await newDataset()
    const lines = [
      '{"inputs":{"q":"one"},"expectations":{"a":1}}',
      '',
      '{"inputs":{"q":"two"} oops',
      '{"inputs":{"q":"three"},"metadata":{"src":"import"}}',
      '{"expectations":{"a":5}}',
      '[1,2]',
      '{"inputs":{"q":"seven"}}\r',
    ]
    const res = await upload(id, 'application/x-ndjson', lines.join('\n'))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ version: 1, imported: 3 })
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([3, 5, 6])
    expect(res.body.rejected[0].error).toMatch(/^not JSON/)
    expect(res.body.rejected[1].error).toMatch(/^inputs/)
    expect((await itemsOf(id)).items.map((i) => i.inputs.q)).toEqual(['one', 'three', 'seven'])
    const jsonl = await upload(id, 'application/jsonl; charset=utf-8', '{"inputs":{"q":"eight"}}\n')
    expect(jsonl.body).toMatchObject({ version: 2, imported: 1, rejected: [] })
  })

  it('imports CSV with keyed and JSON columns, reporting bad records by the line they start on', async () => {
    const id = await newDataset()
    const csv = [
      'inputs.question,inputs,expectations.answer,metadata.source',
      'What is 2+2?,"{""n"": 4}",4,quiz',
      '"A question',
      'over two lines",,yes,',
      'too,few',
      '',
      'Bad JSON,{nope,x,y',
      ',,no inputs,z',
      'Last,,,',
    ].join('\n')
    const res = await upload(id, 'text/csv', csv)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ version: 1, imported: 3 })
    expect(res.body.rejected).toEqual([
      { line: 5, error: '2 fields where the header has 4' },
      { line: 7, error: "column 'inputs': not JSON" },
      { line: 8, error: 'no inputs: every inputs column is empty' },
    ])
    const items = (await itemsOf(id)).items
    expect(items[0]).toMatchObject({
      inputs: { question: 'What is 2+2?', n: 4 },
      expectations: { answer: '4' },
      metadata: { source: 'quiz' },
    })
    expect(items[1]).toMatchObject({ inputs: { question: 'A question\nover two lines' }, metadata: {} })
    expect(items[2]).toMatchObject({ inputs: { question: 'Last' }, expectations: {} })
  })

  it('refuses an unreadable header (400 body), another content type (415) and too many lines (413)', async () => {
    const id = await newDataset()
    const header = await upload(id, 'text/csv', 'question,answer\nx,y\n')
    expect([header.status, header.body.error.field]).toEqual([400, 'body'])
    expect(header.body.error.message).toMatch(/unknown column 'question'/)
    const noInputs = await upload(id, 'text/csv', 'expectations.a\nx\n')
    expect([noInputs.status, noInputs.body.error.field]).toEqual([400, 'body'])
    const type = await upload(id, 'text/plain', '{"inputs":{}}')
    expect([type.status, type.body.error.field]).toEqual([415, 'header.content-type'])
    const tooMany = await upload(id, 'application/x-ndjson', '{"inputs":{}}\n'.repeat(10_001))
    expect([tooMany.status, tooMany.body.error.field]).toEqual([413, 'body'])
    const unknown = await upload('nope', 'application/x-ndjson', '{"inputs":{}}\n')
    expect([unknown.status, unknown.body.error.field]).toEqual([404, 'path.datasetId'])
    expect((await api.request('GET', `/datasets/${id}`)).body.version).toBe(0)
  })
})

describe('items from traces', () => {
  const traceJson = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1'
  const traceText = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2'
  const missing = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3'

  function span(traceId: string, spanId: string, parent: string, input: string, output: string) {
    const start = BigInt(Date.now() - 60_000) * 1_000_000n
    return {
      ...emptySpanRow({
        project_id: api.projectId,
        trace_id: traceId,
        span_id: spanId,
        start_time: String(start),
        end_time: String(start + 1_000_000n),
      }),
      parent_span_id: parent,
      input,
      output,
    }
  }

  it('turns the root span’s input into inputs and its output into expectations; unknown ids are reported', async () => {
    await insertSpans(api.clickhouse, [
      span(traceJson, '1000000000000001', '', '{"question":"refund policy?"}', '"30 days"'),
      span(traceJson, '1000000000000002', '1000000000000001', '{"child":true}', '{"child":true}'),
      span(traceText, '2000000000000001', '', 'plain text question', '{"answer":"yes"}'),
    ])
    const id = await newDataset()
    const res = await api.request('POST', `/datasets/${id}/items/from-traces`, {
      trace_ids: [traceJson.toUpperCase(), missing, traceText],
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ version: 1, notFound: [missing] })
    expect(res.body.ids).toHaveLength(2)
    const items = (await itemsOf(id)).items
    expect(items).toMatchObject([
      {
        inputs: { question: 'refund policy?' },
        expectations: { output: '30 days' },
        sourceTraceId: traceJson,
      },
      { inputs: { input: 'plain text question' }, expectations: { answer: 'yes' }, sourceTraceId: traceText },
    ])
    const none = await api.request('POST', `/datasets/${id}/items/from-traces`, { trace_ids: [missing] })
    expect(none.body).toEqual({ version: 1, ids: [], notFound: [missing] })
  })
})
