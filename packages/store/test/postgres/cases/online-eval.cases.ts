import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AssayDb,
  advanceRuleWatermark,
  type ClaimedJob,
  claimJobs,
  completeJob,
  countRuleJobs,
  createRule,
  deleteRule,
  enqueueJobs,
  expireLeases,
  failJob,
  getRule,
  listEnabledRules,
  listRuleJobs,
  listRules,
  migratePostgres,
  type Postgres,
  pgSchema,
  RuleNameTakenError,
  releaseJobs,
  saveEvaluator,
  updateRule,
} from '../../../src/postgres/index.js'
import { newProject } from '../fixtures.js'
import { type CaseContext, closeAll } from '../harness.js'

/**
 * Online-evaluation rules, the job queue and its claim protocol. The queue
 * cases run on a database of their own: workers claim across all projects,
 * so other cases' jobs in the shared database would be claimed too.
 */

const { onlineEvalJobs } = pgSchema

async function newEvaluator(db: AssayDb, projectId: string, name = 'exact') {
  const saved = await saveEvaluator(db, projectId, {
    name,
    definition: { type: 'code', scorer: 'exact_match', params: {} },
  })
  return saved.evaluator
}

async function newRule(db: AssayDb, name = 'rule') {
  const projectId = await newProject(db)
  const evaluator = await newEvaluator(db, projectId)
  const rule = await createRule(db, projectId, {
    name,
    filter: "span.kind = 'LLM'",
    sampleRate: 0.5,
    evaluatorId: evaluator.id,
    evaluatorVersion: null,
    enabled: true,
  })
  return { projectId, evaluator, rule }
}

const traceIds = (n: number, prefix = 'tr') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`)

export function onlineEvalCases(ctx: CaseContext): void {
  describe('online evaluation rules', () => {
    it('creates a rule with its evaluator named, and refuses a taken name', async () => {
      const { projectId, evaluator, rule } = await newRule(ctx.pg.db)
      expect(rule).toMatchObject({
        projectId,
        name: 'rule',
        filter: "span.kind = 'LLM'",
        sampleRate: 0.5,
        evaluator: { id: evaluator.id, name: 'exact', version: null },
        enabled: true,
        matchedUntil: null,
      })
      await expect(
        createRule(ctx.pg.db, projectId, {
          name: 'rule',
          filter: '',
          sampleRate: 1,
          evaluatorId: evaluator.id,
          evaluatorVersion: 1,
          enabled: true,
        }),
      ).rejects.toBeInstanceOf(RuleNameTakenError)
    })

    it('reads, updates and deletes only within its project', async () => {
      const { projectId, rule } = await newRule(ctx.pg.db)
      const other = await newProject(ctx.pg.db)
      expect(await getRule(ctx.pg.db, other, rule.id)).toBeNull()
      expect(await updateRule(ctx.pg.db, other, rule.id, { enabled: false })).toBeNull()
      expect(await deleteRule(ctx.pg.db, other, rule.id)).toBe(false)
      const updated = await updateRule(ctx.pg.db, projectId, rule.id, { enabled: false, sampleRate: 0.25 })
      expect(updated).toMatchObject({ enabled: false, sampleRate: 0.25, name: 'rule' })
      expect(updated!.updatedAt).toBeGreaterThanOrEqual(rule.updatedAt)
      expect(await deleteRule(ctx.pg.db, projectId, rule.id)).toBe(true)
      expect(await getRule(ctx.pg.db, projectId, rule.id)).toBeNull()
    })

    it('refuses a rename onto another rule’s name', async () => {
      const { projectId, evaluator, rule } = await newRule(ctx.pg.db, 'first')
      await createRule(ctx.pg.db, projectId, {
        name: 'second',
        filter: '',
        sampleRate: 1,
        evaluatorId: evaluator.id,
        evaluatorVersion: null,
        enabled: true,
      })
      await expect(updateRule(ctx.pg.db, projectId, rule.id, { name: 'second' })).rejects.toBeInstanceOf(
        RuleNameTakenError,
      )
      expect(await updateRule(ctx.pg.db, projectId, rule.id, { name: 'first' })).toMatchObject({
        name: 'first',
      })
    })

    it('lists a project’s rules newest first, page by page', async () => {
      const { projectId, evaluator } = await newRule(ctx.pg.db, 'r0')
      for (const name of ['r1', 'r2', 'r3', 'r4']) {
        // Newest first: PGlite's clock ticks in milliseconds, so each rule is strictly newer.
        await new Promise((resolve) => setTimeout(resolve, 3))
        await createRule(ctx.pg.db, projectId, {
          name,
          filter: '',
          sampleRate: 1,
          evaluatorId: evaluator.id,
          evaluatorVersion: null,
          enabled: name !== 'r4',
        })
      }
      const first = await listRules(ctx.pg.db, projectId, { limit: 3 })
      const second = await listRules(ctx.pg.db, projectId, { limit: 3, cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((r) => r.name)).toEqual(['r4', 'r3', 'r2', 'r1', 'r0'])
      expect(second.nextCursor).toBeUndefined()
      const enabled = (await listEnabledRules(ctx.pg.db)).filter((r) => r.projectId === projectId)
      expect(enabled.map((r) => r.name).sort()).toEqual(['r0', 'r1', 'r2', 'r3'])
    })

    it('moves the watermark forward only', async () => {
      const { projectId, rule } = await newRule(ctx.pg.db)
      await advanceRuleWatermark(ctx.pg.db, rule.id, new Date(2_000_000))
      await advanceRuleWatermark(ctx.pg.db, rule.id, new Date(1_000_000))
      expect((await getRule(ctx.pg.db, projectId, rule.id))!.matchedUntil).toBe(2_000_000)
      await advanceRuleWatermark(ctx.pg.db, rule.id, new Date(3_000_000))
      expect((await getRule(ctx.pg.db, projectId, rule.id))!.matchedUntil).toBe(3_000_000)
    })

    it('enqueues a trace once per rule, lists and counts a rule’s jobs', async () => {
      const { projectId, rule } = await newRule(ctx.pg.db)
      const jobs = traceIds(5).map((traceId) => ({ projectId, ruleId: rule.id, traceId }))
      expect(await enqueueJobs(ctx.pg.db, jobs)).toBe(5)
      expect(await enqueueJobs(ctx.pg.db, [...jobs, { projectId, ruleId: rule.id, traceId: 'new' }])).toBe(1)
      const first = await listRuleJobs(ctx.pg.db, projectId, rule.id, { limit: 4 })
      const second = await listRuleJobs(ctx.pg.db, projectId, rule.id, { limit: 4, cursor: first.nextCursor })
      expect(new Set([...first.items, ...second.items].map((j) => j.traceId)).size).toBe(6)
      expect(first.items[0]).toMatchObject({
        status: 'pending',
        attempts: 0,
        lastError: null,
        finishedAt: null,
      })
      expect(await countRuleJobs(ctx.pg.db, projectId, rule.id)).toEqual({
        pending: 6,
        running: 0,
        done: 0,
        failed: 0,
      })
      expect((await listRuleJobs(ctx.pg.db, projectId, rule.id, { status: 'failed' })).items).toEqual([])
      expect((await listRuleJobs(ctx.pg.db, await newProject(ctx.pg.db), rule.id)).items).toEqual([])
      await deleteRule(ctx.pg.db, projectId, rule.id)
      const left = await ctx.pg.db.select().from(onlineEvalJobs).where(eq(onlineEvalJobs.ruleId, rule.id))
      expect(left).toEqual([])
    })
  })

  describe('online evaluation job queue', () => {
    let handles: Postgres[] = []
    let db: AssayDb
    beforeAll(async () => {
      handles = await ctx.harness.openEmpty(2)
      await migratePostgres(handles[0]!)
      db = handles[0]!.db
    }, 60_000)
    afterAll(() => closeAll(handles))

    async function queue(n: number, prefix: string) {
      const { projectId, rule } = await newRule(db, prefix)
      await enqueueJobs(
        db,
        traceIds(n, prefix).map((traceId) => ({ projectId, ruleId: rule.id, traceId })),
      )
      return { projectId, rule }
    }

    const drain = async (workerId: string) => {
      let all: ClaimedJob[] = []
      for (;;) {
        const jobs = await claimJobs(db, { workerId, limit: 100, leaseMs: 60_000 })
        if (jobs.length === 0) return all
        all = [...all, ...jobs]
        for (const job of jobs) expect(await completeJob(db, job)).toBe(true)
      }
    }

    it('claims available jobs under a lease and completes them once', async () => {
      const { projectId, rule } = await queue(3, 'claim')
      const jobs = await claimJobs(db, { workerId: 'w1', limit: 2, leaseMs: 60_000 })
      expect(jobs).toHaveLength(2)
      expect(jobs.every((j) => j.attempts === 1 && j.lockedBy === 'w1')).toBe(true)
      expect(await completeJob(db, jobs[0]!)).toBe(true)
      expect(await completeJob(db, jobs[0]!)).toBe(false)
      expect(await releaseJobs(db, [jobs[1]!])).toBe(1)
      const counts = await countRuleJobs(db, projectId, rule.id)
      expect(counts).toEqual({ pending: 2, running: 0, done: 1, failed: 0 })
      const released = await listRuleJobs(db, projectId, rule.id, { status: 'pending' })
      expect(released.items.map((j) => j.attempts)).toEqual([0, 0])
      await drain('w1')
    })

    it('retries a failed attempt after its backoff, and fails for good when told', async () => {
      const { projectId, rule } = await queue(1, 'retry')
      const [job] = await claimJobs(db, { workerId: 'w1', limit: 10, leaseMs: 60_000 })
      expect(await failJob(db, job!, 'judge said garbage', 60_000)).toBe(true)
      // Not available before the backoff ends.
      expect(await claimJobs(db, { workerId: 'w2', limit: 10, leaseMs: 60_000 })).toEqual([])
      await db.update(onlineEvalJobs).set({ availableAt: sql`now()` }).where(eq(onlineEvalJobs.id, job!.id))
      const [again] = await claimJobs(db, { workerId: 'w2', limit: 10, leaseMs: 60_000 })
      expect(again).toMatchObject({ id: job!.id, attempts: 2, lockedBy: 'w2' })
      // The first claim is fenced off: its late answer changes nothing.
      expect(await completeJob(db, job!)).toBe(false)
      expect(await failJob(db, again!, 'judge said garbage again', null)).toBe(true)
      const [failed] = (await listRuleJobs(db, projectId, rule.id, { status: 'failed' })).items
      expect(failed).toMatchObject({ attempts: 2, lastError: 'judge said garbage again' })
      expect(failed!.finishedAt).not.toBeNull()
      expect(await claimJobs(db, { workerId: 'w3', limit: 10, leaseMs: 60_000 })).toEqual([])
    })

    it('makes a job of an expired lease claimable again, and failed once its attempts are used', async () => {
      const { projectId, rule } = await queue(1, 'lease')
      const [job] = await claimJobs(db, { workerId: 'dead', limit: 1, leaseMs: 0 })
      await new Promise((r) => setTimeout(r, 5))
      expect(await expireLeases(db, 3)).toBe(1)
      const [pending] = (await listRuleJobs(db, projectId, rule.id)).items
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 })
      expect(pending!.lastError).toMatch(/lease expired/)
      expect(await completeJob(db, job!)).toBe(false)
      await db
        .update(onlineEvalJobs)
        .set({ attempts: 2 })
        .where(and(eq(onlineEvalJobs.ruleId, rule.id)))
      await claimJobs(db, { workerId: 'dead', limit: 1, leaseMs: 0 })
      await new Promise((r) => setTimeout(r, 5))
      expect(await expireLeases(db, 3)).toBe(1)
      expect((await listRuleJobs(db, projectId, rule.id)).items[0]).toMatchObject({
        status: 'failed',
        attempts: 3,
      })
      expect(await claimJobs(db, { workerId: 'w', limit: 1, leaseMs: 0 })).toEqual([])
    })

    it('hands every job to exactly one of two servers claiming at once', async () => {
      const { projectId, rule } = await queue(300, 'race')
      const claimer = (pg: Postgres, workerId: string) => async () => {
        const mine: string[] = []
        for (;;) {
          const jobs = await claimJobs(pg.db, { workerId, limit: 7, leaseMs: 60_000 })
          if (jobs.length === 0) return mine
          for (const job of jobs) {
            expect(await completeJob(pg.db, job)).toBe(true)
            mine.push(job.traceId)
          }
        }
      }
      const results = await Promise.all([
        claimer(handles[0]!, 'a1')(),
        claimer(handles[0]!, 'a2')(),
        claimer(handles[1]!, 'b1')(),
        claimer(handles[1]!, 'b2')(),
      ])
      const all = results.flat()
      expect(all).toHaveLength(300)
      expect(new Set(all).size).toBe(300)
      expect(await countRuleJobs(db, projectId, rule.id)).toEqual({
        pending: 0,
        running: 0,
        done: 300,
        failed: 0,
      })
    }, 60_000)
  })
}
