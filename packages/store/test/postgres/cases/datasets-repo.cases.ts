import { MAX_DATASET_ITEMS_PER_CALL } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { InvalidCursorError } from '../../../src/clickhouse/read/trace-cursor.js'
import {
  addDatasetItems,
  countLiveItems,
  createDataset,
  DatasetItemsNotFoundError,
  DatasetNotFoundError,
  DatasetVersionError,
  deleteDatasetItems,
  getDataset,
  listDatasetItems,
  listDatasets,
  updateDatasetItems,
} from '../../../src/postgres/index.js'
import { newProject, uniqueName } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** The dataset repository: versioned bulk writes, reads as of a version, and keyset pages. */
export function datasetRepoCases(ctx: CaseContext): void {
  describe('dataset repository', () => {
    const newDataset = async (projectId: string) => {
      const dataset = await createDataset(ctx.pg.db, projectId, { name: uniqueName('ds') })
      return dataset!.id
    }
    const questions = async (projectId: string, datasetId: string, version?: number) => {
      const page = await listDatasetItems(ctx.pg.db, { projectId, datasetId, version, limit: 1000 })
      return page.items.map((item) => String(item.inputs.q))
    }

    it('creates, gets and lists datasets by name; a taken name is null; other projects see nothing', async () => {
      const db = ctx.pg.db
      const [p1, p2] = [await newProject(db), await newProject(db)]
      const made = await createDataset(db, p1, { name: 'b-golden', description: 'd', tags: { team: 'qa' } })
      expect(made).toMatchObject({
        projectId: p1,
        name: 'b-golden',
        description: 'd',
        tags: { team: 'qa' },
        version: 0,
      })
      expect(await createDataset(db, p1, { name: 'b-golden' })).toBeNull()
      expect(await createDataset(db, p2, { name: 'b-golden' })).not.toBeNull()
      await createDataset(db, p1, { name: 'a-first' })
      await createDataset(db, p1, { name: 'c-last' })
      expect(await getDataset(db, p1, made!.id)).toEqual(made)
      expect(await getDataset(db, p2, made!.id)).toBeNull()

      const first = await listDatasets(db, p1, { limit: 2 })
      expect(first.items.map((d) => d.name)).toEqual(['a-first', 'b-golden'])
      const second = await listDatasets(db, p1, { limit: 2, cursor: first.nextCursor })
      expect(second.items.map((d) => d.name)).toEqual(['c-last'])
      expect(second.nextCursor).toBeUndefined()
      await expect(listDatasets(db, p1, { cursor: `${first.nextCursor}x` })).rejects.toBeInstanceOf(
        InvalidCursorError,
      )
    })

    it('adds, updates and deletes items, one version each, and reads every version back', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const datasetId = await newDataset(projectId)
      const added = await addDatasetItems(db, projectId, datasetId, [
        { inputs: { q: 'one' }, expectations: { a: 1 }, metadata: { src: 'x' } },
        { inputs: { q: 'two' } },
        { inputs: { q: 'three' }, sourceTraceId: 'abc' },
      ])
      expect(added.version).toBe(1)
      const [one, two, three] = added.ids
      const updated = await updateDatasetItems(db, projectId, datasetId, [
        { id: one!, inputs: { q: 'one, edited' } },
      ])
      expect(updated).toEqual({ version: 2, updated: 1 })
      const deleted = await deleteDatasetItems(db, projectId, datasetId, [two!, 'no-such-item'])
      expect(deleted).toEqual({ version: 3, deleted: 1, notFound: ['no-such-item'] })

      expect(await questions(projectId, datasetId, 0)).toEqual([])
      expect(await questions(projectId, datasetId, 1)).toEqual(['one', 'two', 'three'])
      expect(await questions(projectId, datasetId, 2)).toEqual(['one, edited', 'two', 'three'])
      expect(await questions(projectId, datasetId)).toEqual(['one, edited', 'three'])
      const latest = await listDatasetItems(db, { projectId, datasetId })
      expect(latest.version).toBe(3)
      expect(latest.items[0]).toMatchObject({
        id: one,
        expectations: { a: 1 },
        metadata: { src: 'x' },
        version: 2,
        sourceTraceId: null,
      })
      expect(latest.items[1]).toMatchObject({ id: three, version: 1, sourceTraceId: 'abc' })
      expect((await getDataset(db, projectId, datasetId))?.version).toBe(3)
      expect(await countLiveItems(db, projectId, datasetId)).toBe(2)
    })

    it('leaves the version alone when nothing changes, and refuses an update of a missing item whole', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const datasetId = await newDataset(projectId)
      const { ids } = await addDatasetItems(db, projectId, datasetId, [{ inputs: { q: 'kept' } }])
      expect(await deleteDatasetItems(db, projectId, datasetId, ['gone'])).toEqual({
        version: 1,
        deleted: 0,
        notFound: ['gone'],
      })
      const failed = updateDatasetItems(db, projectId, datasetId, [
        { id: ids[0]!, inputs: { q: 'changed' } },
        { id: 'missing', inputs: { q: 'x' } },
      ])
      await expect(failed).rejects.toBeInstanceOf(DatasetItemsNotFoundError)
      await expect(failed).rejects.toMatchObject({ itemIds: ['missing'] })
      expect(await questions(projectId, datasetId)).toEqual(['kept'])
      expect((await getDataset(db, projectId, datasetId))?.version).toBe(1)
    })

    it('gives concurrent writers distinct, consecutive versions', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const datasetId = await newDataset(projectId)
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, n) =>
          addDatasetItems(db, projectId, datasetId, [{ inputs: { q: `${n}` } }]),
        ),
      )
      expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4, 5, 6])
      expect((await getDataset(db, projectId, datasetId))?.version).toBe(6)
      expect(await questions(projectId, datasetId, 3)).toHaveLength(3)
    })

    it('adds the largest call in one version and pages it in insertion order', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const datasetId = await newDataset(projectId)
      const items = Array.from({ length: MAX_DATASET_ITEMS_PER_CALL }, (_, n) => ({ inputs: { n } }))
      const { version, ids } = await addDatasetItems(db, projectId, datasetId, items)
      expect(version).toBe(1)
      const seen: number[] = []
      let cursor: string | undefined
      do {
        const page = await listDatasetItems(db, { projectId, datasetId, limit: 1000, cursor })
        seen.push(...page.items.map((item) => item.inputs.n as number))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual(items.map((item) => item.inputs.n))
      expect([...ids].sort()).toEqual(ids)
    }, 60_000)

    it('refuses a cursor from another version, a future version and an unknown dataset', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const datasetId = await newDataset(projectId)
      await addDatasetItems(db, projectId, datasetId, [{ inputs: { q: '1' } }, { inputs: { q: '2' } }])
      await addDatasetItems(db, projectId, datasetId, [{ inputs: { q: '3' } }])
      const page = await listDatasetItems(db, { projectId, datasetId, version: 1, limit: 1 })
      expect(page.nextCursor).toBeDefined()
      const next = await listDatasetItems(db, {
        projectId,
        datasetId,
        version: 1,
        limit: 1,
        cursor: page.nextCursor,
      })
      expect(next.items.map((i) => i.inputs.q)).toEqual(['2'])
      await expect(
        listDatasetItems(db, { projectId, datasetId, version: 2, cursor: page.nextCursor }),
      ).rejects.toBeInstanceOf(InvalidCursorError)
      await expect(listDatasetItems(db, { projectId, datasetId, version: 3 })).rejects.toBeInstanceOf(
        DatasetVersionError,
      )
      const other = await newProject(db)
      await expect(listDatasetItems(db, { projectId: other, datasetId })).rejects.toBeInstanceOf(
        DatasetNotFoundError,
      )
      await expect(addDatasetItems(db, other, datasetId, [{ inputs: {} }])).rejects.toBeInstanceOf(
        DatasetNotFoundError,
      )
    })
  })
}
