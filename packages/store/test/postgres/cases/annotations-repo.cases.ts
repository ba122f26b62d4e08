import type { AnnotationItem } from '@assay/core'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  addAnnotationItems,
  annotationProgress,
  type CheckedLabel,
  claimNextAnnotationItem,
  createAnnotationQueue,
  createLabelSchema,
  deleteAnnotationQueue,
  deleteLabelSchema,
  getAnnotationItem,
  listAnnotationItems,
  listAnnotationQueues,
  listLabelSchemas,
  locateAnnotationItem,
  pgSchema,
  RecordInputError,
  skipAnnotationItem,
  submitAnnotationLabels,
  updateAnnotationQueue,
  updateLabelSchema,
} from '../../../src/postgres/index.js'
import { newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** The annotation repositories: label schemas, queues, items, claims, labels, skips and navigation. */

const traceId = (n: number) => n.toString(16).padStart(32, '0')

async function refusal(promise: Promise<unknown>): Promise<{ problem: string; field: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RecordInputError)
  const { problem, field } = error as RecordInputError
  return { problem, field }
}

export function annotationRepoCases(ctx: CaseContext): void {
  describe('annotation repositories', () => {
    async function queueWith(n: number) {
      const projectId = await newProject(ctx.pg.db)
      const thumbs = await createLabelSchema(ctx.pg.db, projectId, { name: 'helpful', valueKind: 'boolean' })
      const score = await createLabelSchema(ctx.pg.db, projectId, {
        name: 'score',
        valueKind: 'numeric',
        config: { min: 1, max: 5 },
      })
      const tone = await createLabelSchema(ctx.pg.db, projectId, {
        name: 'tone',
        valueKind: 'categorical',
        config: { categories: ['formal', 'casual'] },
      })
      const queue = await createAnnotationQueue(ctx.pg.db, projectId, {
        name: 'review',
        labelSchemaIds: [thumbs.id, score.id, tone.id],
      })
      const targets = Array.from({ length: n }, (_, i) => ({ traceId: traceId(i + 1) }))
      const { added } = await addAnnotationItems(ctx.pg.db, projectId, queue.id, targets)
      return { projectId, queue, items: added, schemas: { thumbs, score, tone } }
    }

    it('creates, lists, updates and deletes label schemas; names are unique, configs fit the kind', async () => {
      const projectId = await newProject(ctx.pg.db)
      const tone = await createLabelSchema(ctx.pg.db, projectId, {
        name: 'tone',
        valueKind: 'categorical',
        config: { categories: ['formal', 'casual'] },
      })
      expect(tone).toMatchObject({
        type: 'feedback',
        instructions: '',
        config: { categories: ['formal', 'casual'] },
      })
      expect(
        await refusal(createLabelSchema(ctx.pg.db, projectId, { name: 'tone', valueKind: 'text' })),
      ).toEqual({
        problem: 'conflict',
        field: 'name',
      })
      await expect(
        createLabelSchema(ctx.pg.db, projectId, { name: 'x', valueKind: 'categorical' }),
      ).rejects.toThrow(/categories/)
      await createLabelSchema(ctx.pg.db, projectId, { name: 'correction', valueKind: 'text' })
      await createLabelSchema(ctx.pg.db, projectId, { name: 'accurate', valueKind: 'boolean' })
      const first = await listLabelSchemas(ctx.pg.db, projectId, { limit: 2 })
      const second = await listLabelSchemas(ctx.pg.db, projectId, { limit: 2, cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((s) => s.name)).toEqual(['accurate', 'correction', 'tone'])
      expect(second.nextCursor).toBeUndefined()

      const changed = await updateLabelSchema(ctx.pg.db, projectId, tone.id, {
        instructions: 'How does it sound?',
        config: { categories: ['formal', 'casual', 'rude'] },
      })
      expect(changed).toMatchObject({
        instructions: 'How does it sound?',
        config: { categories: ['formal', 'casual', 'rude'] },
      })
      expect(await refusal(updateLabelSchema(ctx.pg.db, projectId, tone.id, { config: { min: 1 } }))).toEqual(
        {
          problem: 'invalid',
          field: 'config.categories',
        },
      )
      expect(await updateLabelSchema(ctx.pg.db, 'default', tone.id, { instructions: 'x' })).toBeNull()

      const queue = await createAnnotationQueue(ctx.pg.db, projectId, {
        name: 'q',
        labelSchemaIds: [tone.id],
      })
      expect(await refusal(deleteLabelSchema(ctx.pg.db, projectId, tone.id))).toEqual({
        problem: 'conflict',
        field: 'id',
      })
      await updateAnnotationQueue(ctx.pg.db, projectId, queue.id, { labelSchemaIds: [] })
      expect(await deleteLabelSchema(ctx.pg.db, projectId, tone.id)).toBe(true)
      expect(await deleteLabelSchema(ctx.pg.db, projectId, tone.id)).toBe(false)
    })

    it('creates, lists, renames and deletes queues; schemas must be the project’s', async () => {
      const projectId = await newProject(ctx.pg.db)
      const other = await newProject(ctx.pg.db)
      const foreign = await createLabelSchema(ctx.pg.db, other, { name: 'helpful', valueKind: 'boolean' })
      expect(
        await refusal(
          createAnnotationQueue(ctx.pg.db, projectId, { name: 'q', labelSchemaIds: [foreign.id] }),
        ),
      ).toEqual({ problem: 'not_found', field: 'labelSchemaIds.0' })
      const a = await createAnnotationQueue(ctx.pg.db, projectId, { name: 'a' })
      // Newest first: PGlite's clock ticks in milliseconds, so make 'b' strictly newer.
      await new Promise((resolve) => setTimeout(resolve, 3))
      const b = await createAnnotationQueue(ctx.pg.db, projectId, { name: 'b', description: 'second' })
      expect(await refusal(createAnnotationQueue(ctx.pg.db, projectId, { name: 'a' }))).toEqual({
        problem: 'conflict',
        field: 'name',
      })
      expect(await refusal(updateAnnotationQueue(ctx.pg.db, projectId, b.id, { name: 'a' }))).toEqual({
        problem: 'conflict',
        field: 'name',
      })
      const first = await listAnnotationQueues(ctx.pg.db, projectId, { limit: 1 })
      const second = await listAnnotationQueues(ctx.pg.db, projectId, { limit: 1, cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((q) => q.id)).toEqual([b.id, a.id])
      expect((await listAnnotationQueues(ctx.pg.db, other)).items).toEqual([])

      await addAnnotationItems(ctx.pg.db, projectId, a.id, [{ traceId: traceId(1) }])
      expect(await deleteAnnotationQueue(ctx.pg.db, other, a.id)).toBe(false)
      expect(await deleteAnnotationQueue(ctx.pg.db, projectId, a.id)).toBe(true)
      const { annotationItems } = pgSchema
      expect(await ctx.pg.db.$count(annotationItems, eq(annotationItems.queueId, a.id))).toBe(0)
    })

    it('adds items in the order given, once per target, and lists them in keyset pages with progress', async () => {
      const { projectId, queue, items } = await queueWith(25)
      expect(items.map((i) => i.traceId)).toEqual(Array.from({ length: 25 }, (_, i) => traceId(i + 1)))
      expect(items.every((item, i) => i === 0 || item.position > items[i - 1]!.position)).toBe(true)
      const again = await addAnnotationItems(ctx.pg.db, projectId, queue.id, [
        { traceId: traceId(1) },
        { traceId: traceId(1), spanId: 'a'.repeat(16) },
        { traceId: traceId(1), spanId: 'a'.repeat(16) },
      ])
      expect([again.added.length, again.alreadyQueued]).toEqual([1, 2])
      expect(again.added[0]).toMatchObject({ spanId: 'a'.repeat(16), status: 'pending' })

      const seen: AnnotationItem[] = []
      let cursor: string | undefined
      do {
        const page = await listAnnotationItems(ctx.pg.db, projectId, queue.id, { limit: 10, cursor })
        seen.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      expect(seen.map((i) => i.id)).toEqual([...items, ...again.added].map((i) => i.id))
      expect(await annotationProgress(ctx.pg.db, projectId, queue.id)).toEqual({
        pending: 26,
        inProgress: 0,
        completed: 0,
        skipped: 0,
        total: 26,
      })
      const page = await listAnnotationItems(ctx.pg.db, projectId, queue.id, { limit: 10 })
      await expect(
        listAnnotationItems(ctx.pg.db, projectId, queue.id, { status: 'pending', cursor: page.nextCursor }),
      ).rejects.toThrow(/cursor/)
    })

    it('claims items so that two labellers never hold the same one, and frees lapsed claims', async () => {
      const { projectId, queue, items } = await queueWith(12)
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, `user-${i}`),
        ),
      )
      const ids = claims.map((c) => c!.id)
      expect(new Set(ids).size).toBe(10)
      expect(claims.every((c) => c!.status === 'in_progress' && c!.claimedAt !== null)).toBe(true)
      // A labeller's own live claim comes back (a reloaded page does not take a second item).
      expect((await claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, 'user-3'))!.id).toBe(
        claims[3]!.id,
      )

      const a = await claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, 'late-1')
      const b = await claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, 'late-2')
      expect(await claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, 'late-3')).toBeNull()
      expect([a!.id, b!.id].sort()).toEqual(
        items
          .map((i) => i.id)
          .filter((id) => !ids.includes(id))
          .sort(),
      )
      // user-0 walked away an hour ago: the item goes to the next labeller.
      const { annotationItems } = pgSchema
      await ctx.pg.db
        .update(annotationItems)
        .set({ claimedAt: new Date(Date.now() - 3_600_000) })
        .where(eq(annotationItems.id, claims[0]!.id))
      const taken = await claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, 'late-3')
      expect(taken).toMatchObject({ id: claims[0]!.id, assignedTo: 'late-3', status: 'in_progress' })
      expect(await claimNextAnnotationItem(ctx.pg.db, projectId, 'other-queue', 'x')).toBeNull()
    })

    it('checks labels against the queue’s schemas, writes them, completes the item', async () => {
      const { projectId, queue, items, schemas } = await queueWith(3)
      const item = items[0]!
      const submit = (
        labels: { schemaId: string; value: boolean | number | string }[],
        write: (item: AnnotationItem, labels: CheckedLabel[]) => Promise<string> = async () => 'ok',
      ) => submitAnnotationLabels(ctx.pg.db, projectId, queue.id, item.id, { labels, user: 'ana' }, write)
      const refused = async (labels: Parameters<typeof submit>[0]) => {
        const error = await submit(labels).then(
          () => undefined,
          (e: unknown) => e as RecordInputError,
        )
        return [error?.field, error?.message]
      }
      expect(await refused([{ schemaId: 'nope', value: true }])).toEqual([
        'labels.0.schemaId',
        'nope is not a label schema of this queue',
      ])
      expect(await refused([{ schemaId: schemas.thumbs.id, value: 'yes' }])).toEqual([
        'labels.0.value',
        'label schema "helpful" (boolean): must be true or false',
      ])
      expect(await refused([{ schemaId: schemas.score.id, value: 7 }])).toEqual([
        'labels.0.value',
        'label schema "score" (numeric): must be at most 5',
      ])
      expect(await refused([{ schemaId: schemas.tone.id, value: 'rude' }])).toEqual([
        'labels.0.value',
        'label schema "tone" (categorical): must be one of ["formal","casual"]',
      ])
      expect((await refused([]))[0]).toBe('labels')

      // A failed write leaves the item as it was.
      await expect(
        submit([{ schemaId: schemas.thumbs.id, value: true }], async () => {
          throw new Error('clickhouse is down')
        }),
      ).rejects.toThrow('clickhouse is down')
      expect((await getAnnotationItem(ctx.pg.db, projectId, queue.id, item.id))!.status).toBe('pending')

      let written: CheckedLabel[] = []
      const done = await submit(
        [
          { schemaId: schemas.tone.id, value: 'casual' },
          { schemaId: schemas.thumbs.id, value: false },
        ],
        async (_, labels) => {
          written = labels
          return 'ok'
        },
      )
      expect(done.item).toMatchObject({ status: 'completed', assignedTo: 'ana' })
      expect(done.item.completedAt).not.toBeNull()
      expect(written.map((l) => [l.schema.name, l.value])).toEqual([
        ['tone', 'casual'],
        ['helpful', false],
      ])
      // Another queue's item is not found through this queue.
      const other = await queueWith(1)
      const foreign = submitAnnotationLabels(
        ctx.pg.db,
        projectId,
        queue.id,
        other.items[0]!.id,
        { labels: [{ schemaId: schemas.thumbs.id, value: true }], user: 'ana' },
        async () => 'ok',
      )
      expect(await refusal(foreign)).toEqual({ problem: 'not_found', field: 'itemId' })
    })

    it('skips items (not completed ones) and navigates by position', async () => {
      const { projectId, queue, items, schemas } = await queueWith(3)
      const [first, second, third] = items
      expect(await skipAnnotationItem(ctx.pg.db, projectId, queue.id, second!.id, 'ana')).toMatchObject({
        status: 'skipped',
        assignedTo: 'ana',
      })
      await submitAnnotationLabels(
        ctx.pg.db,
        projectId,
        queue.id,
        first!.id,
        { labels: [{ schemaId: schemas.thumbs.id, value: true }], user: 'ana' },
        async () => undefined,
      )
      expect(await refusal(skipAnnotationItem(ctx.pg.db, projectId, queue.id, first!.id, 'ana'))).toEqual({
        problem: 'conflict',
        field: 'itemId',
      })
      // Skipped items are not offered again.
      expect((await claimNextAnnotationItem(ctx.pg.db, projectId, queue.id, 'bo'))!.id).toBe(third!.id)
      expect(await annotationProgress(ctx.pg.db, projectId, queue.id)).toEqual({
        pending: 0,
        inProgress: 1,
        completed: 1,
        skipped: 1,
        total: 3,
      })
      expect(await locateAnnotationItem(ctx.pg.db, projectId, queue.id, second!.id)).toMatchObject({
        index: 2,
        total: 3,
        previousId: first!.id,
        nextId: third!.id,
      })
      expect(await locateAnnotationItem(ctx.pg.db, projectId, queue.id, first!.id)).toMatchObject({
        index: 1,
        previousId: null,
      })
      expect(await locateAnnotationItem(ctx.pg.db, projectId, queue.id, third!.id)).toMatchObject({
        index: 3,
        nextId: null,
      })
      expect(await locateAnnotationItem(ctx.pg.db, 'default', queue.id, third!.id)).toBeNull()
    })
  })
}
