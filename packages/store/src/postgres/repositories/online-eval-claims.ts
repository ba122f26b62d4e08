/**
 * The work queue's protocol, shared by every worker of every process:
 *
 * - **claim**: the oldest available pending jobs, `FOR UPDATE SKIP LOCKED`
 *   so concurrent claimers never take the same row, marked `running`
 *   under a lease (`locked_until`) with `attempts` counted at claim time.
 * - **finish** (done, retry later, or failed for good) and **release**
 *   (given back untouched at shutdown) only act on a job still held under
 *   the same claim: `locked_by` and `attempts` fence off a worker whose
 *   lease expired and whose job someone else has claimed since.
 * - **expire**: a lease that ran out (a crashed or stuck process) makes its
 *   job pending again, or failed once its attempts are used up, so nothing
 *   is stuck and nothing is retried forever.
 */
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { onlineEvalJobs } from '../schema/index.js'

/** A job as its claimer holds it. */
export interface ClaimedJob {
  id: string
  projectId: string
  ruleId: string
  traceId: string
  /** This claim's attempt number (1 for the first); also its fencing token with `lockedBy`. */
  attempts: number
  lockedBy: string
}

export interface ClaimOptions {
  /** Who claims: a unique id per worker (process id and a random suffix). */
  workerId: string
  limit: number
  leaseMs: number
}

const CLAIMED = {
  id: onlineEvalJobs.id,
  projectId: onlineEvalJobs.projectId,
  ruleId: onlineEvalJobs.ruleId,
  traceId: onlineEvalJobs.traceId,
  attempts: onlineEvalJobs.attempts,
  lockedBy: onlineEvalJobs.lockedBy,
}

const ms = (n: number) => sql`now() + ${Math.max(0, Math.round(n))} * interval '1 millisecond'`

/**
 * @example
 * const jobs = await claimJobs(db, { workerId: 'w-1234-ab', limit: 8, leaseMs: 300_000 })
 */
export async function claimJobs(db: AssayDb, options: ClaimOptions): Promise<ClaimedJob[]> {
  if (options.limit <= 0) return []
  const available = db
    .select({ id: onlineEvalJobs.id })
    .from(onlineEvalJobs)
    .where(and(eq(onlineEvalJobs.status, 'pending'), lte(onlineEvalJobs.availableAt, sql`now()`)))
    .orderBy(asc(onlineEvalJobs.availableAt))
    .limit(options.limit)
    .for('update', { skipLocked: true })
  const rows = await db
    .update(onlineEvalJobs)
    .set({
      status: 'running',
      lockedBy: options.workerId,
      lockedUntil: ms(options.leaseMs),
      attempts: sql`${onlineEvalJobs.attempts} + 1`,
    })
    .where(inArray(onlineEvalJobs.id, available))
    .returning(CLAIMED)
  return rows.map((row) => ({ ...row, lockedBy: row.lockedBy ?? options.workerId }))
}

/** Still held under this claim: the same worker and the same attempt. */
const held = (job: ClaimedJob) =>
  and(
    eq(onlineEvalJobs.id, job.id),
    eq(onlineEvalJobs.status, 'running'),
    eq(onlineEvalJobs.lockedBy, job.lockedBy),
    eq(onlineEvalJobs.attempts, job.attempts),
  )

const unlocked = { lockedBy: null, lockedUntil: null } as const

/** Scored: the job is done. False when the claim was lost (its lease expired and it was reclaimed). */
export async function completeJob(db: AssayDb, job: ClaimedJob): Promise<boolean> {
  const rows = await db
    .update(onlineEvalJobs)
    .set({ ...unlocked, status: 'done', lastError: null, finishedAt: sql`now()` })
    .where(held(job))
    .returning({ id: onlineEvalJobs.id })
  return rows.length > 0
}

/**
 * An attempt failed: pending again after `retryInMs`, or `failed` for good
 * when that is null. The error is kept either way, for the API.
 */
export async function failJob(
  db: AssayDb,
  job: ClaimedJob,
  error: string,
  retryInMs: number | null,
): Promise<boolean> {
  const next =
    retryInMs === null
      ? { status: 'failed' as const, finishedAt: sql`now()` }
      : { status: 'pending' as const, availableAt: ms(retryInMs) }
  const rows = await db
    .update(onlineEvalJobs)
    .set({ ...unlocked, ...next, lastError: error.slice(0, 4000) })
    .where(held(job))
    .returning({ id: onlineEvalJobs.id })
  return rows.length > 0
}

/** Gives claimed jobs back untried (shutdown before they ran): pending, available now, the attempt not counted. */
export async function releaseJobs(db: AssayDb, jobs: readonly ClaimedJob[]): Promise<number> {
  let released = 0
  for (const job of jobs) {
    const rows = await db
      .update(onlineEvalJobs)
      .set({
        ...unlocked,
        status: 'pending',
        attempts: sql`${onlineEvalJobs.attempts} - 1`,
        availableAt: sql`now()`,
      })
      .where(held(job))
      .returning({ id: onlineEvalJobs.id })
    released += rows.length
  }
  return released
}

/**
 * Running jobs whose lease ran out go back to pending (available now), or
 * to failed when they have had `maxAttempts` already: a job that kills its
 * worker every time must not be retried forever. Returns how many changed.
 */
export async function expireLeases(db: AssayDb, maxAttempts: number): Promise<number> {
  const exhausted = sql`${onlineEvalJobs.attempts} >= ${maxAttempts}`
  const rows = await db
    .update(onlineEvalJobs)
    .set({
      ...unlocked,
      status: sql`case when ${exhausted} then 'failed' else 'pending' end`,
      finishedAt: sql`case when ${exhausted} then now() end`,
      availableAt: sql`now()`,
      lastError: sql`'lease expired: the worker holding the job stopped or took too long'`,
    })
    .where(and(eq(onlineEvalJobs.status, 'running'), lt(onlineEvalJobs.lockedUntil, sql`now()`)))
    .returning({ id: onlineEvalJobs.id })
  return rows.length
}
