/**
 * LoggedModels: application versions that traces (`assay.model.id`) and
 * evaluation runs point at. Create, find-or-create (what the SDK's
 * `setActiveModel` calls on every start), read, tag and finalize; search
 * is in `model-search.ts`.
 */
import {
  CreateLoggedModelInput,
  type FinalLoggedModelStatus,
  type LoggedModel,
  type LoggedModelTagsPatch,
} from '@assay/core'
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { loggedModels } from '../schema/index.js'
import { toLoggedModel } from './model-rows.js'

const scoped = (projectId: string, id: string) =>
  and(eq(loggedModels.projectId, projectId), eq(loggedModels.id, id))

function rowValues(projectId: string, input: CreateLoggedModelInput) {
  const { name, params, tags, git, source, status } = CreateLoggedModelInput.parse(input)
  return {
    projectId,
    name,
    params,
    tags,
    gitCommit: git.commit ?? null,
    gitBranch: git.branch ?? null,
    gitDirty: git.dirty ?? null,
    source,
    status,
  }
}

export async function createLoggedModel(
  db: AssayDb,
  projectId: string,
  input: CreateLoggedModelInput,
): Promise<LoggedModel> {
  const [row] = await db.insert(loggedModels).values(rowValues(projectId, input)).returning()
  return toLoggedModel(row!)
}

/**
 * The newest model of the project with the same name, params (compared as
 * JSON values, key order aside) and git commit (null matching null) that
 * has not failed; created when there is none. Tags, branch, dirty flag and
 * source do not take part: they describe a version, they do not make one.
 *
 * Callers racing on the same name get one model: the lookup and the insert
 * run in a transaction holding an advisory lock on (project, name).
 */
export async function findOrCreateLoggedModel(
  db: AssayDb,
  projectId: string,
  input: CreateLoggedModelInput,
): Promise<{ model: LoggedModel; created: boolean }> {
  const values = rowValues(projectId, input)
  return db.transaction(async (tx) => {
    const lockKey = `assay:logged-model:${projectId}:${values.name}`
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}::text, 0))`)
    const [found] = await tx
      .select()
      .from(loggedModels)
      .where(
        and(
          eq(loggedModels.projectId, projectId),
          eq(loggedModels.name, values.name),
          sql`${loggedModels.params} = ${JSON.stringify(values.params)}::jsonb`,
          sql`${loggedModels.gitCommit} is not distinct from ${values.gitCommit}::text`,
          ne(loggedModels.status, 'failed'),
        ),
      )
      .orderBy(desc(loggedModels.createdAt), desc(loggedModels.id))
      .limit(1)
    if (found) return { model: toLoggedModel(found), created: false }
    const [row] = await tx.insert(loggedModels).values(values).returning()
    return { model: toLoggedModel(row!), created: true }
  })
}

export async function getLoggedModel(
  db: AssayDb,
  projectId: string,
  id: string,
): Promise<LoggedModel | null> {
  const [row] = await db.select().from(loggedModels).where(scoped(projectId, id)).limit(1)
  return row ? toLoggedModel(row) : null
}

/** The project's models among `ids`, in the order of `ids`; unknown ids are left out. */
export async function getLoggedModels(db: AssayDb, projectId: string, ids: string[]): Promise<LoggedModel[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select()
    .from(loggedModels)
    .where(and(eq(loggedModels.projectId, projectId), inArray(loggedModels.id, ids)))
  const byId = new Map(rows.map((r) => [r.id, toLoggedModel(r)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * Applies a merge patch to the tags in one statement (a string sets the
 * tag, null removes it), so concurrent patches of different keys both
 * land. Null when the model does not exist.
 */
export async function setLoggedModelTags(
  db: AssayDb,
  projectId: string,
  id: string,
  patch: LoggedModelTagsPatch,
): Promise<LoggedModel | null> {
  const entries = Object.entries(patch)
  const set = Object.fromEntries(entries.filter(([, v]) => v !== null))
  const removed = entries.filter(([, v]) => v === null).map(([k]) => sql`${k}::text`)
  const merged = sql`${loggedModels.tags} || ${JSON.stringify(set)}::jsonb`
  const tags = removed.length > 0 ? sql`(${merged}) - array[${sql.join(removed, sql`, `)}]` : merged
  const [row] = await db
    .update(loggedModels)
    .set({ tags: sql`${tags}` })
    .where(scoped(projectId, id))
    .returning()
  return row ? toLoggedModel(row) : null
}

/** Sets the final status (`ready` or `failed`); null when the model does not exist. */
export async function finalizeLoggedModel(
  db: AssayDb,
  projectId: string,
  id: string,
  status: FinalLoggedModelStatus,
): Promise<LoggedModel | null> {
  const [row] = await db.update(loggedModels).set({ status }).where(scoped(projectId, id)).returning()
  return row ? toLoggedModel(row) : null
}
