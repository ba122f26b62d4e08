/**
 * Online-evaluation jobs as the matcher makes them and the API shows them.
 * A job is one (rule, trace); the unique key makes enqueueing idempotent,
 * so matchers in several processes, or one matcher passing the same traces
 * twice, never make a trace be scored twice for a rule.
 */
import type { OnlineEvalJob, OnlineEvalJobCounts, OnlineEvalJobStatus } from '@assay/core'
import { and, count, desc, eq, getTableColumns } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { onlineEvalJobs } from '../schema/index.js'
import { createdBefore, createdMicros, type KeysetPage, pageLimit, toPage } from './model-keyset.js'
import { toJob } from './online-eval-rows.js'

export interface NewOnlineEvalJob {
  projectId: string
  ruleId: string
  traceId: string
}

/** Inserts the jobs that do not exist yet (`ON CONFLICT DO NOTHING`); returns how many were new. */
export async function enqueueJobs(db: AssayDb, jobs: readonly NewOnlineEvalJob[]): Promise<number> {
  if (jobs.length === 0) return 0
  const rows = await db
    .insert(onlineEvalJobs)
    .values([...jobs])
    .onConflictDoNothing({ target: [onlineEvalJobs.ruleId, onlineEvalJobs.traceId] })
    .returning({ id: onlineEvalJobs.id })
  return rows.length
}

export interface ListJobsOptions {
  /** Only jobs in this state (`failed` for a rule's failures). */
  status?: OnlineEvalJobStatus
  limit?: number
  cursor?: string
}

/** A rule's jobs, newest first, one keyset page at a time. The caller has checked the rule is the project's. */
export async function listRuleJobs(
  db: AssayDb,
  projectId: string,
  ruleId: string,
  options: ListJobsOptions = {},
): Promise<KeysetPage<OnlineEvalJob>> {
  const limit = pageLimit(options.limit)
  const scope = `online-eval-jobs:${ruleId}:${options.status ?? '*'}`
  const rows = await db
    .select({ ...getTableColumns(onlineEvalJobs), micros: createdMicros(onlineEvalJobs.createdAt) })
    .from(onlineEvalJobs)
    .where(
      and(
        eq(onlineEvalJobs.projectId, projectId),
        eq(onlineEvalJobs.ruleId, ruleId),
        options.status === undefined ? undefined : eq(onlineEvalJobs.status, options.status),
        createdBefore(onlineEvalJobs, scope, options.cursor),
      ),
    )
    .orderBy(desc(onlineEvalJobs.createdAt), desc(onlineEvalJobs.id))
    .limit(limit + 1)
  return toPage(rows, limit, scope, toJob)
}

/** How many of a rule's jobs are in each state. */
export async function countRuleJobs(
  db: AssayDb,
  projectId: string,
  ruleId: string,
): Promise<OnlineEvalJobCounts> {
  const rows = await db
    .select({ status: onlineEvalJobs.status, n: count() })
    .from(onlineEvalJobs)
    .where(and(eq(onlineEvalJobs.projectId, projectId), eq(onlineEvalJobs.ruleId, ruleId)))
    .groupBy(onlineEvalJobs.status)
  const counts: OnlineEvalJobCounts = { pending: 0, running: 0, done: 0, failed: 0 }
  for (const row of rows) counts[row.status] = Number(row.n)
  return counts
}
