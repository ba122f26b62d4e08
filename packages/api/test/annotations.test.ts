// Annotation through real HTTP on embedded storage: a queue of 20 traces filled from a filter and
// labelled in order (claim → submit) until done, labels read back as HUMAN assessments, resubmission
// as an override, skipping, navigation, and hostile input named field by field.
import { emptySpanRow, type SpanRow } from '@assay/core'
import { insertSpans } from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApi, type TestApi } from './support/harness.js'

let api: TestApi
const schemas: Record<string, string> = {}
const traceIds = Array.from({ length: 20 }, (_, i) => `a${String(i).padStart(31, '0')}`)
const toolTrace = 'b'.repeat(32)
const toolSpan = 'c'.repeat(16)

function trace(traceId: string, i: number, kind: SpanRow['kind']): SpanRow[] {
  const start = BigInt(Date.now() - 3_600_000 + i * 1000) * 1_000_000n
  const root = emptySpanRow({
    project_id: api.projectId,
    trace_id: traceId,
    span_id: `${traceId.slice(0, 15)}1`,
    start_time: String(start),
    end_time: String(start + 500_000_000n),
  })
  const child = {
    ...root,
    span_id: kind === 'TOOL' ? toolSpan : `${traceId.slice(0, 15)}2`,
    parent_span_id: root.span_id,
  }
  return [
    {
      ...root,
      name: `answer ${i}`,
      kind: 'CHAIN',
      input: JSON.stringify(`question ${i}`),
      output: JSON.stringify(`answer ${i}`),
    },
    { ...child, name: kind === 'TOOL' ? 'search' : 'chat', kind },
  ]
}

async function newQueue(name: string, schemaNames = ['helpful', 'score', 'tone', 'correction']) {
  const res = await api.request('POST', '/annotation-queues', {
    name,
    labelSchemaIds: schemaNames.map((n) => schemas[n]),
  })
  expect(res.status).toBe(201)
  return res.body.id as string
}

beforeAll(async () => {
  api = await startTestApi()
  await insertSpans(api.clickhouse, [
    ...traceIds.flatMap((id, i) => trace(id, i, 'LLM')),
    ...trace(toolTrace, 30, 'TOOL'),
  ])
  const definitions = [
    { name: 'helpful', valueKind: 'boolean' },
    { name: 'score', valueKind: 'numeric', config: { min: 1, max: 5 } },
    { name: 'tone', valueKind: 'categorical', config: { categories: ['formal', 'casual'] } },
    { name: 'correction', valueKind: 'text', type: 'expectation' },
  ]
  for (const definition of definitions) {
    const res = await api.request('POST', '/label-schemas', definition)
    expect(res.status).toBe(201)
    schemas[definition.name] = res.body.id
  }
}, 60_000)
afterAll(() => api.close())

describe('label schemas', () => {
  it('lists, reads and changes them; configs must fit the kind; a taken name is 409', async () => {
    const list = await api.request('GET', '/label-schemas?limit=3')
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['correction', 'helpful', 'score'])
    const rest = await api.request('GET', `/label-schemas?cursor=${list.body.nextCursor}`)
    expect(rest.body.items.map((s: { name: string }) => s.name)).toEqual(['tone'])
    const taken = await api.request('POST', '/label-schemas', { name: 'helpful', valueKind: 'text' })
    expect([taken.status, taken.body.error.field]).toEqual([409, 'body.name'])
    const noCategories = await api.request('POST', '/label-schemas', { name: 'x', valueKind: 'categorical' })
    expect([noCategories.status, noCategories.body.error.field]).toEqual([400, 'body.config.categories'])
    const range = await api.request('PATCH', `/label-schemas/${schemas.tone}`, { config: { min: 1 } })
    expect([range.status, range.body.error.field]).toEqual([400, 'body.config.categories'])
    const patched = await api.request('PATCH', `/label-schemas/${schemas.score}`, {
      instructions: '1 bad, 5 great',
    })
    expect(patched.body).toMatchObject({
      name: 'score',
      instructions: '1 bad, 5 great',
      config: { min: 1, max: 5 },
    })
    expect((await api.request('GET', `/label-schemas/${schemas.score}`)).body.instructions).toBe(
      '1 bad, 5 great',
    )
    expect((await api.request('GET', '/label-schemas/nope')).status).toBe(404)
  })
})

describe('a queue filled from a filter and labelled through the API', () => {
  it('labels 20 items in order, claim → submit, and the labels are assessments on the traces', async () => {
    const queueId = await newQueue('twenty')
    const from = new Date(Date.now() - 2 * 3_600_000).toISOString()
    const added = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      filter: "span.kind = 'LLM'",
      from,
    })
    expect(added.status).toBe(200)
    expect(added.body.items.map((i: { traceId: string }) => i.traceId)).toEqual(traceIds)
    const again = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      filter: "span.kind = 'LLM'",
      from,
    })
    expect([again.body.items.length, again.body.alreadyQueued]).toEqual([0, 20])

    for (let i = 0; i < 20; i++) {
      const next = await api.request('POST', `/annotation-queues/${queueId}/next`, { user: 'ana' })
      expect(next.status).toBe(200)
      const view = next.body.next
      expect(view.item).toMatchObject({ traceId: traceIds[i], status: 'in_progress', assignedTo: 'ana' })
      expect([view.index, view.total]).toEqual([i + 1, 20])
      expect(JSON.parse(view.root.input)).toBe(`question ${i}`)
      expect(JSON.parse(view.root.output)).toBe(`answer ${i}`)
      expect(view.labelSchemas.map((s: { name: string }) => s.name)).toEqual([
        'helpful',
        'score',
        'tone',
        'correction',
      ])
      const submitted = await api.request(
        'POST',
        `/annotation-queues/${queueId}/items/${view.item.id}/labels`,
        {
          user: 'ana',
          labels: [
            { schemaId: schemas.helpful, value: i % 2 === 0 },
            { schemaId: schemas.score, value: (i % 5) + 1, rationale: 'felt right' },
            { schemaId: schemas.tone, value: 'formal' },
            { schemaId: schemas.correction, value: `better answer ${i}` },
          ],
        },
      )
      expect(submitted.status).toBe(200)
      expect(submitted.body.item.status).toBe('completed')
      expect(submitted.body.progress).toMatchObject({ completed: i + 1, total: 20 })
    }
    const done = await api.request('POST', `/annotation-queues/${queueId}/next`, { user: 'ana' })
    expect(done.body).toEqual({
      next: null,
      progress: { pending: 0, inProgress: 0, completed: 20, skipped: 0, total: 20 },
    })
    expect((await api.request('GET', `/annotation-queues/${queueId}`)).body.progress.completed).toBe(20)

    const assessments = await api.request('GET', `/traces/${traceIds[3]}/assessments`)
    const byName = Object.fromEntries(assessments.body.items.map((a: { name: string }) => [a.name, a]))
    expect(byName.helpful).toMatchObject({
      value: false,
      source_type: 'HUMAN',
      source_id: 'ana',
      type: 'feedback',
    })
    expect(byName.score).toMatchObject({ value: 4, rationale: 'felt right' })
    expect(byName.tone.value).toBe('formal')
    expect(byName.correction).toMatchObject({ value: 'better answer 3', type: 'expectation' })
    expect(byName.helpful.metadata).toMatchObject({
      annotation_queue_id: queueId,
      label_schema_id: schemas.helpful,
    })

    // Resubmitting overrides: one current label per schema, the first kept in the history.
    const items = await api.request('GET', `/annotation-queues/${queueId}/items?limit=5&status=completed`)
    const third = items.body.items[3]
    const resubmit = await api.request('POST', `/annotation-queues/${queueId}/items/${third.id}/labels`, {
      user: 'bo',
      labels: [{ schemaId: schemas.helpful, value: true }],
    })
    expect(resubmit.status).toBe(200)
    expect(resubmit.body.assessments[0]).toMatchObject({
      value: true,
      source_id: 'bo',
      overrides: byName.helpful.assessment_id,
    })
    const current = await api.request('GET', `/traces/${traceIds[3]}/assessments`)
    expect(
      current.body.items
        .filter((a: { name: string }) => a.name === 'helpful')
        .map((a: { value: boolean }) => a.value),
    ).toEqual([true])
    const view = await api.request('GET', `/annotation-queues/${queueId}/items/${third.id}`)
    expect(view.body).toMatchObject({
      index: 4,
      previousId: items.body.items[2].id,
      nextId: items.body.items[4].id,
    })
    expect(view.body.labels.map((a: { name: string }) => a.name).sort()).toEqual([
      'correction',
      'helpful',
      'score',
      'tone',
    ])
  }, 120_000)
})

describe('skipping, claims and spans', () => {
  it('skips items, never hands one item to two labellers, and queues spans by id', async () => {
    const queueId = await newQueue('small', ['helpful'])
    const added = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      trace_ids: [traceIds[0], traceIds[1], traceIds[2], 'f'.repeat(32)],
    })
    expect(added.body.notFound).toEqual(['f'.repeat(32)])
    const [first, second, third] = added.body.items
    const a = await api.request('POST', `/annotation-queues/${queueId}/next`, { user: 'ana' })
    const b = await api.request('POST', `/annotation-queues/${queueId}/next`, { user: 'bo' })
    expect([a.body.next.item.id, b.body.next.item.id]).toEqual([first.id, second.id])
    // A reload gives ana the same item back.
    expect(
      (await api.request('POST', `/annotation-queues/${queueId}/next`, { user: 'ana' })).body.next.item.id,
    ).toBe(first.id)
    const skipped = await api.request('POST', `/annotation-queues/${queueId}/items/${first.id}/skip`, {
      user: 'ana',
    })
    expect(skipped.body).toMatchObject({
      item: { status: 'skipped' },
      progress: { skipped: 1, inProgress: 1, pending: 1 },
    })
    expect(
      (await api.request('POST', `/annotation-queues/${queueId}/next`, { user: 'ana' })).body.next.item.id,
    ).toBe(third.id)
    await api.request('POST', `/annotation-queues/${queueId}/items/${third.id}/labels`, {
      user: 'ana',
      labels: [{ schemaId: schemas.helpful, value: true }],
    })
    const skipDone = await api.request('POST', `/annotation-queues/${queueId}/items/${third.id}/skip`, {
      user: 'ana',
    })
    expect([skipDone.status, skipDone.body.error.field]).toEqual([409, 'path.itemId'])

    const spans = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      spans: [
        { trace_id: toolTrace, span_id: toolSpan },
        { trace_id: toolTrace, span_id: 'd'.repeat(16) },
      ],
    })
    expect(spans.body.notFound).toEqual([`${toolTrace}/${'d'.repeat(16)}`])
    const spanItem = spans.body.items[0]
    const view = await api.request('GET', `/annotation-queues/${queueId}/items/${spanItem.id}`)
    expect(view.body.span).toMatchObject({ span_id: toolSpan, name: 'search', kind: 'TOOL' })
    expect(view.body.root.name).toBe('answer 30')
    await api.request('POST', `/annotation-queues/${queueId}/items/${spanItem.id}/labels`, {
      user: 'ana',
      labels: [{ schemaId: schemas.helpful, value: false }],
    })
    const onTrace = await api.request('GET', `/traces/${toolTrace}/assessments`)
    expect(onTrace.body.items).toEqual([
      expect.objectContaining({ name: 'helpful', span_id: toolSpan, value: false }),
    ])

    const bySpanFilter = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      filter: "span.kind = 'TOOL'",
      target: 'spans',
      from: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    })
    expect([bySpanFilter.body.items.length, bySpanFilter.body.alreadyQueued]).toEqual([0, 1])
  })
})

describe('hostile input', () => {
  it('names the field and the reason', async () => {
    const queueId = await newQueue('hostile')
    const other = await newQueue('other')
    const [item] = (
      await api.request('POST', `/annotation-queues/${queueId}/items`, { trace_ids: [traceIds[5]] })
    ).body.items
    const [foreignItem] = (
      await api.request('POST', `/annotation-queues/${other}/items`, { trace_ids: [traceIds[6]] })
    ).body.items
    const submit = (labels: unknown[], path = `/annotation-queues/${queueId}/items/${item.id}/labels`) =>
      api.request('POST', path, { user: 'ana', labels })
    const refusal = async (
      res: Promise<{ status: number; body: { error: { field: string; message: string } } }>,
    ) => {
      const { status, body } = await res
      return [status, body.error.field, body.error.message]
    }
    expect(await refusal(submit([{ schemaId: 'nope', value: true }]))).toEqual([
      400,
      'body.labels.0.schemaId',
      'body.labels.0.schemaId: nope is not a label schema of this queue',
    ])
    expect(await refusal(submit([{ schemaId: schemas.helpful, value: 'yes' }]))).toEqual([
      400,
      'body.labels.0.value',
      'body.labels.0.value: label schema "helpful" (boolean): must be true or false',
    ])
    expect(
      await refusal(
        submit([
          { schemaId: schemas.helpful, value: true },
          { schemaId: schemas.tone, value: 'rude' },
        ]),
      ),
    ).toEqual([
      400,
      'body.labels.1.value',
      'body.labels.1.value: label schema "tone" (categorical): must be one of ["formal","casual"]',
    ])
    expect((await refusal(submit([{ schemaId: schemas.score, value: 6 }])))[2]).toContain('must be at most 5')
    expect((await refusal(submit([{ schemaId: schemas.score, value: '3' }])))[2]).toContain(
      'must be a number',
    )
    expect((await refusal(submit([{ schemaId: schemas.correction, value: '  ' }])))[2]).toContain(
      'must not be empty',
    )
    expect((await refusal(submit([])))[1]).toBe('body.labels')
    // Nothing was written by the refused submissions.
    expect((await api.request('GET', `/annotation-queues/${queueId}/items/${item.id}`)).body).toMatchObject({
      item: { status: 'pending' },
      labels: [],
    })
    expect(
      await refusal(
        submit(
          [{ schemaId: schemas.helpful, value: true }],
          `/annotation-queues/${queueId}/items/${foreignItem.id}/labels`,
        ),
      ),
    ).toEqual([404, 'path.itemId', `path.itemId: no item ${foreignItem.id} in this queue`])
    const noUser = await api.request('POST', `/annotation-queues/${queueId}/next`, {})
    expect([noUser.status, noUser.body.error.field]).toEqual([400, 'body.user'])
    const both = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      trace_ids: [traceIds[0]],
      filter: 'x',
    })
    expect([both.status, both.body.error.field]).toEqual([400, 'body.filter'])
    const badFilter = await api.request('POST', `/annotation-queues/${queueId}/items`, {
      filter: 'span.knd = 1',
    })
    expect([badFilter.status, badFilter.body.error.field]).toEqual([400, 'body.filter'])
    const badWindow = await api.request('POST', `/annotation-queues/${queueId}/items`, { from: 'yesterday' })
    expect([badWindow.status, badWindow.body.error.field]).toEqual([400, 'body.from'])
    const badId = await api.request('POST', `/annotation-queues/${queueId}/items`, { trace_ids: ['xyz'] })
    expect([badId.status, badId.body.error.field]).toEqual([400, 'body.trace_ids.0'])
    const unknownSchema = await api.request('POST', '/annotation-queues', {
      name: 'q',
      labelSchemaIds: ['nope'],
    })
    expect([unknownSchema.status, unknownSchema.body.error.field]).toEqual([404, 'body.labelSchemaIds.0'])
    const inUse = await api.request('DELETE', `/label-schemas/${schemas.helpful}`)
    expect([inUse.status, inUse.body.error.field]).toEqual([409, 'path.id'])
    const taken = await api.request('PATCH', `/annotation-queues/${other}`, { name: 'hostile' })
    expect([taken.status, taken.body.error.field]).toEqual([409, 'body.name'])

    // Another project sees none of it.
    expect((await api.request('POST', '/projects', { id: 'elsewhere', name: 'elsewhere' })).status).toBe(201)
    const elsewhere = (method: string, path: string, body?: unknown) =>
      fetch(`${api.url}${path}`, {
        method,
        headers: { 'x-assay-project': 'elsewhere', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    expect((await elsewhere('GET', `/annotation-queues/${queueId}`)).status).toBe(404)
    expect((await elsewhere('POST', `/annotation-queues/${queueId}/next`, { user: 'x' })).status).toBe(404)
    expect((await elsewhere('GET', `/annotation-queues/${queueId}/items/${item.id}`)).status).toBe(404)
    expect(
      (
        await elsewhere('POST', `/annotation-queues/${queueId}/items/${item.id}/labels`, {
          user: 'x',
          labels: [{ schemaId: schemas.helpful, value: true }],
        })
      ).status,
    ).toBe(404)
    const listed = (await (await elsewhere('GET', '/annotation-queues')).json()) as { items: unknown[] }
    expect(listed.items).toEqual([])
  })
})
