import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pgSchema } from '../../../src/postgres/index.js'
import { expectPgError, newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** Label schemas, annotation queues and their items. */

const { annotationItems, annotationQueues, labelSchemas } = pgSchema

export function annotationCases(ctx: CaseContext): void {
  describe('annotations', () => {
    it('stores a queue with its label schemas and items, one item per trace or span', async () => {
      const projectId = await newProject(ctx.pg.db)
      const [thumbs] = await ctx.pg.db
        .insert(labelSchemas)
        .values({ projectId, name: 'helpful', valueKind: 'boolean', instructions: 'Was the answer helpful?' })
        .returning()
      const [tone] = await ctx.pg.db
        .insert(labelSchemas)
        .values({
          projectId,
          name: 'tone',
          valueKind: 'categorical',
          config: { categories: ['formal', 'casual'] },
        })
        .returning()
      const [queue] = await ctx.pg.db
        .insert(annotationQueues)
        .values({ projectId, name: 'weekly review', labelSchemaIds: [thumbs!.id, tone!.id] })
        .returning()
      const item = { projectId, queueId: queue!.id, traceId: 'a'.repeat(32) }
      await ctx.pg.db.insert(annotationItems).values([item, { ...item, spanId: 'b'.repeat(16) }])
      await expectPgError(ctx.pg.db.insert(annotationItems).values(item), '23505')

      const pending = await ctx.pg.db
        .select()
        .from(annotationItems)
        .where(and(eq(annotationItems.projectId, projectId), eq(annotationItems.status, 'pending')))
      expect(pending.map((i) => i.spanId).sort()).toEqual(['', 'b'.repeat(16)])
      const [readQueue] = await ctx.pg.db
        .select()
        .from(annotationQueues)
        .where(eq(annotationQueues.id, queue!.id))
      expect(readQueue!.labelSchemaIds).toEqual([thumbs!.id, tone!.id])
      const [readTone] = await ctx.pg.db.select().from(labelSchemas).where(eq(labelSchemas.id, tone!.id))
      expect(readTone).toMatchObject({ type: 'feedback', config: { categories: ['formal', 'casual'] } })
    })

    it('checks label kinds and item statuses', async () => {
      const projectId = await newProject(ctx.pg.db)
      await expectPgError(
        ctx.pg.db.insert(labelSchemas).values({ projectId, name: 'x', valueKind: 'emoji' as 'text' }),
        '23514',
      )
      const [queue] = await ctx.pg.db.insert(annotationQueues).values({ projectId, name: 'q' }).returning()
      await expectPgError(
        ctx.pg.db
          .insert(annotationItems)
          .values({ projectId, queueId: queue!.id, traceId: 't', status: 'lost' as 'pending' }),
        '23514',
      )
    })

    it('deletes a project with everything that belongs to it', async () => {
      const projectId = await newProject(ctx.pg.db)
      const [queue] = await ctx.pg.db.insert(annotationQueues).values({ projectId, name: 'q' }).returning()
      await ctx.pg.db.insert(annotationItems).values({ projectId, queueId: queue!.id, traceId: 't' })
      await ctx.pg.db.delete(pgSchema.projects).where(eq(pgSchema.projects.id, projectId))
      expect(await ctx.pg.db.$count(annotationItems, eq(annotationItems.projectId, projectId))).toBe(0)
      expect(await ctx.pg.db.$count(annotationQueues, eq(annotationQueues.projectId, projectId))).toBe(0)
    })
  })
}
