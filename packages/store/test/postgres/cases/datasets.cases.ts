import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type AssayDb, pgSchema } from '../../../src/postgres/index.js'
import { expectPgError, newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** Dataset items are kept per version, so a dataset can be read as it was when a run used it. */

const { datasetItems, datasets } = pgSchema

async function itemsAsOf(db: AssayDb, datasetId: string, version: number) {
  const rows = await db
    .select()
    .from(datasetItems)
    .where(
      and(
        eq(datasetItems.datasetId, datasetId),
        lte(datasetItems.createdVersion, version),
        or(isNull(datasetItems.deletedVersion), gt(datasetItems.deletedVersion, version)),
      ),
    )
  return rows.map((r) => `${r.itemId}:${String(r.inputs.q)}`).sort()
}

export function datasetCases(ctx: CaseContext): void {
  describe('datasets', () => {
    it('reads a dataset as of each version after adds, an edit and a delete', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const [dataset] = await db.insert(datasets).values({ projectId, name: 'qa' }).returning()
      const datasetId = dataset!.id
      const bump = async () => {
        const [row] = await db
          .update(datasets)
          .set({ version: sql`${datasets.version} + 1` })
          .where(eq(datasets.id, datasetId))
          .returning({ version: datasets.version })
        return row!.version
      }
      const item = (itemId: string, q: string, createdVersion: number) => ({
        projectId,
        datasetId,
        itemId,
        inputs: { q },
        expectations: { answer: q.toUpperCase() },
        createdVersion,
      })

      const v1 = await bump()
      await db.insert(datasetItems).values([item('a', 'one', v1), item('b', 'two', v1)])
      const v2 = await bump() // edit a
      await db
        .update(datasetItems)
        .set({ deletedVersion: v2 })
        .where(
          and(
            eq(datasetItems.itemId, 'a'),
            eq(datasetItems.datasetId, datasetId),
            isNull(datasetItems.deletedVersion),
          ),
        )
      await db.insert(datasetItems).values(item('a', 'one, edited', v2))
      const v3 = await bump() // delete b
      await db
        .update(datasetItems)
        .set({ deletedVersion: v3 })
        .where(and(eq(datasetItems.itemId, 'b'), eq(datasetItems.datasetId, datasetId)))

      expect(await itemsAsOf(db, datasetId, v1)).toEqual(['a:one', 'b:two'])
      expect(await itemsAsOf(db, datasetId, v2)).toEqual(['a:one, edited', 'b:two'])
      expect(await itemsAsOf(db, datasetId, v3)).toEqual(['a:one, edited'])
    })

    it('allows only one live state per item', async () => {
      const projectId = await newProject(ctx.pg.db)
      const [dataset] = await ctx.pg.db.insert(datasets).values({ projectId, name: 'qa' }).returning()
      const base = { projectId, datasetId: dataset!.id, itemId: 'x', inputs: {} }
      await ctx.pg.db.insert(datasetItems).values({ ...base, createdVersion: 1 })
      await expectPgError(ctx.pg.db.insert(datasetItems).values({ ...base, createdVersion: 2 }), '23505')
    })

    it('enforces unique dataset names within a project only', async () => {
      const [p1, p2] = [await newProject(ctx.pg.db), await newProject(ctx.pg.db)]
      await ctx.pg.db.insert(datasets).values([
        { projectId: p1, name: 'golden' },
        { projectId: p2, name: 'golden' },
      ])
      await expectPgError(ctx.pg.db.insert(datasets).values({ projectId: p1, name: 'golden' }), '23505')
    })
  })
}
