/**
 * The worker: claims jobs from Postgres into a bounded in-process queue,
 * scores up to `concurrency` at once (each scoring call through the rate
 * limiter), and records each outcome under its claim:
 *
 * - scored: the assessment is written, then the job is done;
 * - failed, attempts left: pending again after a backoff, the error kept;
 * - failed for good (attempts used, or permanent): the failure is written
 *   as an assessment with `error` (never a silent score) and the job is
 *   `failed` with its last error, visible through the API.
 *
 * Claims never exceed the free room in the queue, so a process holds no
 * more leases than it can work on. `stop()` stops claiming, gives queued
 * jobs back, lets running ones finish for a grace period, then aborts
 * them and gives them back too.
 */
import { randomBytes } from 'node:crypto'
import {
  type ClaimedJob,
  claimJobs,
  completeJob,
  expireLeases,
  failJob,
  insertAssessments,
  releaseJobs,
} from '@assay/store'
import { assessmentOf } from './assessment.js'
import { retryDelayMs } from './backoff.js'
import { type ScoreJobDeps, type ScoreOutcome, scoreJob } from './score-job.js'

export interface WorkerOptions extends ScoreJobDeps {
  concurrency: number
  /** Claimed jobs held at most (waiting and running); default twice the concurrency. */
  queueSize?: number
  pollMs: number
  maxAttempts: number
  retryMs: number
  /** Lease on a claimed job; a scoring call is aborted before it runs out. Default 5 minutes. */
  leaseMs?: number
  /** How long `stop()` lets running jobs finish. Default 10 s. */
  graceMs?: number
  workerId?: string
  onError?: (error: unknown, job?: ClaimedJob) => void
  /** Called after each job's outcome is recorded (tests and metrics). */
  onSettled?: (job: ClaimedJob, outcome: ScoreOutcome) => void
}

export interface Worker {
  readonly workerId: string
  start(): void
  /** Claims and starts what there is room for now; resolves when the claim is made (for tests and polls). */
  poll(): Promise<number>
  stop(): Promise<void>
}

export function createWorker(options: WorkerOptions): Worker {
  const workerId = options.workerId ?? `w-${process.pid}-${randomBytes(4).toString('hex')}`
  const queueSize = options.queueSize ?? options.concurrency * 2
  const leaseMs = options.leaseMs ?? 300_000
  const waiting: ClaimedJob[] = []
  const running = new Map<string, { job: ClaimedJob; abort: AbortController; done: Promise<void> }>()
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<number> | undefined
  let stopped = false

  async function claim(): Promise<number> {
    const room = queueSize - waiting.length - running.size
    if (stopped || room <= 0) return 0
    await expireLeases(options.db, options.maxAttempts)
    const jobs = await claimJobs(options.db, { workerId, limit: room, leaseMs })
    if (stopped) {
      await releaseJobs(options.db, jobs)
      return 0
    }
    waiting.push(...jobs)
    dispatch()
    return jobs.length
  }

  function dispatch(): void {
    while (!stopped && running.size < options.concurrency && waiting.length > 0) {
      const job = waiting.shift()!
      const abort = new AbortController()
      // Give the claim back before its lease runs out rather than let another process double it.
      const deadline = setTimeout(
        () => abort.abort(new Error('scoring took longer than the lease')),
        leaseMs * 0.9,
      )
      const done = run(job, abort.signal).finally(() => {
        clearTimeout(deadline)
        running.delete(job.id)
        dispatch()
        // Room again: fetch more now rather than at the next tick.
        if (!stopped && waiting.length === 0) void pollOnce()
      })
      running.set(job.id, { job, abort, done })
    }
  }

  async function run(job: ClaimedJob, signal: AbortSignal): Promise<void> {
    let outcome: ScoreOutcome
    try {
      outcome = await scoreJob(options, job, signal)
    } catch (error) {
      outcome = {
        ok: false,
        error: `scoring failed: ${(error as Error).message ?? String(error)}`,
        permanent: false,
      }
    }
    try {
      // Cut short by shutdown: not the job's fault, so the attempt is given back.
      if (stopped && signal.aborted) await releaseJobs(options.db, [job])
      else {
        await record(job, outcome)
        options.onSettled?.(job, outcome)
      }
    } catch (error) {
      // The lease will expire and the job will be retried (or failed) by whoever claims next.
      options.onError?.(error, job)
    }
  }

  async function record(job: ClaimedJob, outcome: ScoreOutcome): Promise<void> {
    if (outcome.ok) {
      await insertAssessments(options.clickhouse, [assessmentOf(job, outcome.result)])
      await completeJob(options.db, job)
      return
    }
    const final = outcome.permanent || job.attempts >= options.maxAttempts
    if (!final) {
      await failJob(options.db, job, outcome.error, retryDelayMs(job.attempts, options.retryMs))
      return
    }
    if (outcome.result) await insertAssessments(options.clickhouse, [assessmentOf(job, outcome.result)])
    await failJob(options.db, job, outcome.error, null)
  }

  function pollOnce(): Promise<number> {
    polling ??= claim()
      .catch((error) => {
        options.onError?.(error)
        return 0
      })
      .finally(() => {
        polling = undefined
      })
    return polling
  }

  return {
    workerId,
    start() {
      if (timer || stopped) return
      timer = setInterval(() => void pollOnce(), options.pollMs)
      timer.unref()
      void pollOnce()
    },
    poll: pollOnce,
    async stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      await polling
      await releaseJobs(options.db, waiting.splice(0)).catch((e) => options.onError?.(e))
      const inFlight = [...running.values()]
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.graceMs ?? 10_000).unref())
      await Promise.race([Promise.all(inFlight.map((r) => r.done)), grace])
      for (const r of running.values()) r.abort.abort(new Error('server stopping'))
      await Promise.all([...running.values()].map((r) => r.done))
    },
  }
}
