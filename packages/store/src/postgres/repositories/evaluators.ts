/**
 * Evaluators (judges and code scorers) as versioned records. Saving a
 * definition under a name makes a new version unless it equals the latest
 * one, so a CI job that registers its scorers on every run does not mint a
 * version per run. Definitions are produced and executed by `evals/`; this
 * stores, lists and resolves them.
 */
import { CreateEvaluatorInput, type Evaluator, type EvaluatorVersion } from '@assay/core'
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { evaluators, evaluatorVersions } from '../schema/index.js'
import { type KeysetPage, pageLimit } from './model-keyset.js'
import { toEvaluator, toEvaluatorVersion } from './model-rows.js'

export interface SavedEvaluator {
  evaluator: Evaluator
  version: EvaluatorVersion
  /** False when the definition equalled the latest version, which is returned instead. */
  created: boolean
}

/**
 * Saves a definition as the next version of the named evaluator (created
 * at version 1 when new). The evaluator row is locked for the transaction,
 * so concurrent saves get consecutive versions. A non-empty description
 * replaces the stored one.
 */
export async function saveEvaluator(
  db: AssayDb,
  projectId: string,
  input: CreateEvaluatorInput,
): Promise<SavedEvaluator> {
  const { name, description, definition } = CreateEvaluatorInput.parse(input)
  return db.transaction(async (tx) => {
    await tx.insert(evaluators).values({ projectId, name, description }).onConflictDoNothing()
    const [current] = await tx
      .select()
      .from(evaluators)
      .where(and(eq(evaluators.projectId, projectId), eq(evaluators.name, name)))
      .for('update')
    const [same] = await tx
      .select()
      .from(evaluatorVersions)
      .where(
        and(
          eq(evaluatorVersions.evaluatorId, current!.id),
          eq(evaluatorVersions.version, current!.latestVersion),
          sql`${evaluatorVersions.definition} = ${JSON.stringify(definition)}::jsonb`,
        ),
      )
    if (same) return { evaluator: toEvaluator(current!), version: toEvaluatorVersion(same), created: false }
    const [evaluator] = await tx
      .update(evaluators)
      .set({
        latestVersion: sql`${evaluators.latestVersion} + 1`,
        description: description === '' ? current!.description : description,
        updatedAt: sql`now()`,
      })
      .where(eq(evaluators.id, current!.id))
      .returning()
    const [version] = await tx
      .insert(evaluatorVersions)
      .values({ projectId, evaluatorId: evaluator!.id, version: evaluator!.latestVersion, definition })
      .returning()
    return { evaluator: toEvaluator(evaluator!), version: toEvaluatorVersion(version!), created: true }
  })
}

export async function getEvaluator(db: AssayDb, projectId: string, name: string): Promise<Evaluator | null> {
  const [row] = await db
    .select()
    .from(evaluators)
    .where(and(eq(evaluators.projectId, projectId), eq(evaluators.name, name)))
  return row ? toEvaluator(row) : null
}

const NAME = /^[\s\S]{1,256}$/
const VERSION = /^[0-9]{1,9}$/

/** The project's evaluators by name (with at least one version), one keyset page at a time. */
export async function listEvaluators(
  db: AssayDb,
  projectId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<KeysetPage<Evaluator>> {
  const limit = pageLimit(options.limit)
  const after = options.cursor ? decodeCursor(options.cursor, 'evaluators', [NAME])[0] : undefined
  const rows = await db
    .select()
    .from(evaluators)
    .where(
      and(
        eq(evaluators.projectId, projectId),
        gt(evaluators.latestVersion, 0),
        after === undefined ? undefined : gt(evaluators.name, after),
      ),
    )
    .orderBy(asc(evaluators.name))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toEvaluator)
  return rows.length > limit
    ? { items, nextCursor: encodeCursor('evaluators', [items.at(-1)!.name]) }
    : { items }
}

/** Versions of one evaluator, newest first. */
export async function listEvaluatorVersions(
  db: AssayDb,
  evaluator: Evaluator,
  options: { limit?: number; cursor?: string } = {},
): Promise<KeysetPage<EvaluatorVersion>> {
  const limit = pageLimit(options.limit)
  const scope = `evaluator-versions:${evaluator.id}`
  const after = options.cursor ? decodeCursor(options.cursor, scope, [VERSION])[0] : undefined
  const rows = await db
    .select()
    .from(evaluatorVersions)
    .where(
      and(
        eq(evaluatorVersions.evaluatorId, evaluator.id),
        after === undefined ? undefined : lt(evaluatorVersions.version, Number(after)),
      ),
    )
    .orderBy(desc(evaluatorVersions.version))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toEvaluatorVersion)
  return rows.length > limit
    ? { items, nextCursor: encodeCursor(scope, [String(items.at(-1)!.version)]) }
    : { items }
}

/** One version of a named evaluator; the latest when `version` is absent. Null when either is missing. */
export async function getEvaluatorVersion(
  db: AssayDb,
  projectId: string,
  name: string,
  version?: number,
): Promise<EvaluatorVersion | null> {
  const [row] = await db
    .select({ version: evaluatorVersions })
    .from(evaluatorVersions)
    .innerJoin(evaluators, eq(evaluators.id, evaluatorVersions.evaluatorId))
    .where(
      and(
        eq(evaluators.projectId, projectId),
        eq(evaluators.name, name),
        eq(evaluatorVersions.version, version ?? evaluators.latestVersion),
      ),
    )
  return row ? toEvaluatorVersion(row.version) : null
}
