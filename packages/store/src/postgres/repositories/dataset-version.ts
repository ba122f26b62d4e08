import { and, eq, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { datasets } from '../schema/index.js'
import { DatasetNotFoundError } from './dataset-errors.js'

/**
 * The one way item changes are written: in a transaction that first locks
 * the dataset row, so concurrent writers (on one server or several) take
 * versions one after another and never share one. `work` writes its rows
 * at `version` (the current version + 1) and says whether it changed
 * anything; only then is the dataset bumped to it, so a call that changes
 * nothing (deleting ids that are already gone) leaves the version alone.
 */
export interface DatasetChange<T> {
  changed: boolean
  result: T
}

export async function changeDataset<T>(
  db: AssayDb,
  projectId: string,
  datasetId: string,
  work: (tx: AssayDb, version: number) => Promise<DatasetChange<T>>,
): Promise<T & { version: number }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: datasets.version })
      .from(datasets)
      .where(and(eq(datasets.id, datasetId), eq(datasets.projectId, projectId)))
      .for('update')
    if (!current) throw new DatasetNotFoundError(datasetId)
    const next = current.version + 1
    const { changed, result } = await work(tx, next)
    if (!changed) return { ...result, version: current.version }
    await tx.update(datasets).set({ version: next, updatedAt: sql`now()` }).where(eq(datasets.id, datasetId))
    return { ...result, version: next }
  })
}
