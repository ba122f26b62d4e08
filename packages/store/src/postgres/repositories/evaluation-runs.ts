/**
 * Evaluation runs as records: what ran (dataset version, LoggedModel,
 * evaluator versions, config), its status and its summary. The runner in
 * `evals/` creates a run, reports progress, and finishes it; per-item
 * scores are assessments in ClickHouse carrying the run id.
 *
 * Links are checked against the run's project when the run is created
 * (`run-links.ts`). Times follow the status: `startedAt` is set when a run
 * first leaves `pending`, `finishedAt` when it reaches a finished status,
 * after which its status no longer changes.
 */
import {
  CreateEvaluationRunInput,
  type EvaluationRun,
  type EvaluationRunStatus,
  FINISHED_RUN_STATUSES,
  UpdateEvaluationRunInput,
} from '@assay/core'
import { and, desc, eq, getTableColumns, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm'
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { scopeDigest } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { evaluationRuns } from '../schema/index.js'
import { RecordInputError } from './model-errors.js'
import { createdBefore, createdMicros, type KeysetPage, pageLimit, toPage } from './model-keyset.js'
import { toEvaluationRun } from './model-rows.js'
import { checkRunLinks } from './model-run-links.js'

const isFinished = (status: EvaluationRunStatus) => FINISHED_RUN_STATUSES.includes(status)

/** Creates a run after checking its links; a missing or inconsistent link throws `RecordInputError`. */
export async function createEvaluationRun(
  db: AssayDb,
  projectId: string,
  input: CreateEvaluationRunInput,
): Promise<EvaluationRun> {
  const run = CreateEvaluationRunInput.parse(input)
  const links = await checkRunLinks(db, projectId, run)
  const now = new Date()
  const [row] = await db
    .insert(evaluationRuns)
    .values({
      projectId,
      name: run.name,
      ...links,
      status: run.status,
      config: run.config,
      summary: run.summary,
      error: run.error,
      startedAt: run.status === 'pending' ? null : now,
      finishedAt: isFinished(run.status) ? now : null,
    })
    .returning()
  return toEvaluationRun(row!)
}

export async function getEvaluationRun(
  db: AssayDb,
  projectId: string,
  id: string,
): Promise<EvaluationRun | null> {
  const [row] = await db
    .select()
    .from(evaluationRuns)
    .where(and(eq(evaluationRuns.projectId, projectId), eq(evaluationRuns.id, id)))
  return row ? toEvaluationRun(row) : null
}

/**
 * Updates the given fields in one guarded statement. Null when the run
 * does not exist; a status change of a finished run throws
 * `RecordInputError('conflict', 'status')` (its name, error and summary
 * may still be set).
 */
export async function updateEvaluationRun(
  db: AssayDb,
  projectId: string,
  id: string,
  input: UpdateEvaluationRunInput,
): Promise<EvaluationRun | null> {
  const patch = UpdateEvaluationRunInput.parse(input)
  const t = evaluationRuns
  const set: PgUpdateSetSource<typeof evaluationRuns> = {}
  if (patch.name !== undefined) set.name = patch.name
  if (patch.summary !== undefined) set.summary = patch.summary
  if (patch.error !== undefined) set.error = patch.error
  let guard: SQL | undefined
  if (patch.status !== undefined) {
    set.status = patch.status
    if (patch.status !== 'pending') set.startedAt = sql`coalesce(${t.startedAt}, now())`
    if (isFinished(patch.status)) set.finishedAt = sql`coalesce(${t.finishedAt}, now())`
    guard = or(eq(t.status, patch.status), notInArray(t.status, [...FINISHED_RUN_STATUSES]))
  }
  const where = and(eq(t.projectId, projectId), eq(t.id, id), guard)
  const [row] =
    Object.keys(set).length === 0
      ? await db.select().from(t).where(where)
      : await db.update(t).set(set).where(where).returning()
  if (row) return toEvaluationRun(row)
  const existing = await getEvaluationRun(db, projectId, id)
  if (!existing) return null
  throw new RecordInputError(
    'conflict',
    'status',
    `run ${id} is ${existing.status}: a finished run keeps its status`,
  )
}

export interface ListEvaluationRunsOptions {
  loggedModelId?: string
  datasetId?: string
  status?: EvaluationRunStatus
  limit?: number
  /** `nextCursor` of the previous page, for the same conditions. */
  cursor?: string
}

/** The project's runs, newest first, one keyset page at a time. */
export async function listEvaluationRuns(
  db: AssayDb,
  projectId: string,
  options: ListEvaluationRunsOptions = {},
): Promise<KeysetPage<EvaluationRun>> {
  const t = evaluationRuns
  const limit = pageLimit(options.limit)
  const { loggedModelId, datasetId, status } = options
  const scope = `runs:${scopeDigest([loggedModelId, datasetId, status])}`
  const rows = await db
    .select({ ...getTableColumns(t), micros: createdMicros(t.createdAt) })
    .from(t)
    .where(
      and(
        eq(t.projectId, projectId),
        loggedModelId === undefined ? undefined : eq(t.loggedModelId, loggedModelId),
        datasetId === undefined ? undefined : eq(t.datasetId, datasetId),
        status === undefined ? undefined : eq(t.status, status),
        createdBefore(t, scope, options.cursor),
      ),
    )
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(limit + 1)
  return toPage(rows, limit, scope, ({ micros: _, ...row }) => toEvaluationRun(row))
}

/**
 * The newest completed run with a summary of each model, optionally on one
 * dataset: what a comparison of models reads their evaluation metrics from.
 */
export async function latestCompletedRuns(
  db: AssayDb,
  projectId: string,
  loggedModelIds: string[],
  options: { datasetId?: string } = {},
): Promise<Map<string, EvaluationRun>> {
  if (loggedModelIds.length === 0) return new Map()
  const t = evaluationRuns
  const rows = await db
    .selectDistinctOn([t.loggedModelId])
    .from(t)
    .where(
      and(
        eq(t.projectId, projectId),
        inArray(t.loggedModelId, loggedModelIds),
        eq(t.status, 'completed'),
        sql`${t.summary} is not null`,
        options.datasetId === undefined ? undefined : eq(t.datasetId, options.datasetId),
      ),
    )
    .orderBy(t.loggedModelId, desc(t.createdAt), desc(t.id))
  return new Map(rows.map((r) => [r.loggedModelId!, toEvaluationRun(r)]))
}
