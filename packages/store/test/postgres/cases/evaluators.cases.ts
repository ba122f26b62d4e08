import type { EvaluatorDefinition } from '@assay/core'
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type AssayDb, pgSchema } from '../../../src/postgres/index.js'
import { expectPgError, newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** Evaluators, online rules, and the job table workers claim from with FOR UPDATE SKIP LOCKED. */

const { evaluators, evaluatorVersions, onlineEvalJobs, onlineEvalRules } = pgSchema

const judge: EvaluatorDefinition = {
  type: 'judge',
  builtin: 'correctness',
  template: 'Question: {{inputs}}\nAnswer: {{outputs}}\nExpected: {{expectations}}',
  choices: [
    { label: 'yes', score: 1 },
    { label: 'no', score: 0 },
  ],
  passThreshold: 1,
  guidelines: [],
  model: 'gpt-4o-mini',
  modelParams: {},
}

/**
 * The claim a worker runs: the oldest available jobs, skipping rows another
 * worker holds. Scoped to one project here only so that cases stay isolated.
 */
async function claim(db: AssayDb, projectId: string, worker: string, limit: number) {
  return db.transaction(async (tx) => {
    const available = await tx
      .select({ id: onlineEvalJobs.id })
      .from(onlineEvalJobs)
      .where(
        and(
          eq(onlineEvalJobs.projectId, projectId),
          eq(onlineEvalJobs.status, 'pending'),
          lte(onlineEvalJobs.availableAt, sql`now()`),
        ),
      )
      .orderBy(asc(onlineEvalJobs.availableAt))
      .limit(limit)
      .for('update', { skipLocked: true })
    if (available.length === 0) return []
    return tx
      .update(onlineEvalJobs)
      .set({
        status: 'running',
        lockedBy: worker,
        lockedUntil: sql`now() + interval '5 minutes'`,
        attempts: sql`${onlineEvalJobs.attempts} + 1`,
      })
      .where(
        inArray(
          onlineEvalJobs.id,
          available.map((r) => r.id),
        ),
      )
      .returning()
  })
}

async function newEvaluator(db: AssayDb) {
  const projectId = await newProject(db)
  const [evaluator] = await db
    .insert(evaluators)
    .values({ projectId, name: 'correctness', latestVersion: 1 })
    .returning()
  await db
    .insert(evaluatorVersions)
    .values({ projectId, evaluatorId: evaluator!.id, version: 1, definition: judge })
  return { projectId, evaluatorId: evaluator!.id }
}

export function evaluatorCases(ctx: CaseContext): void {
  describe('evaluators and online evaluation', () => {
    it('stores versioned evaluator definitions, unique per version', async () => {
      const { projectId, evaluatorId } = await newEvaluator(ctx.pg.db)
      const code: EvaluatorDefinition = {
        type: 'code',
        scorer: 'exact_match',
        params: { caseSensitive: false },
      }
      await ctx.pg.db
        .insert(evaluatorVersions)
        .values({ projectId, evaluatorId, version: 2, definition: code })
      const rows = await ctx.pg.db
        .select()
        .from(evaluatorVersions)
        .where(eq(evaluatorVersions.evaluatorId, evaluatorId))
        .orderBy(asc(evaluatorVersions.version))
      expect(rows.map((r) => r.definition)).toEqual([judge, code])
      await expectPgError(
        ctx.pg.db.insert(evaluatorVersions).values({ projectId, evaluatorId, version: 2, definition: code }),
        '23505',
      )
    })

    it('checks the sample rate of a rule', async () => {
      const { projectId, evaluatorId } = await newEvaluator(ctx.pg.db)
      await expectPgError(
        ctx.pg.db.insert(onlineEvalRules).values({ projectId, name: 'r', evaluatorId, sampleRate: 1.5 }),
        '23514',
      )
    })

    it('queues a trace once per rule and hands each job to one claimant', async () => {
      const { projectId, evaluatorId } = await newEvaluator(ctx.pg.db)
      const [rule] = await ctx.pg.db
        .insert(onlineEvalRules)
        .values({ projectId, name: 'sampled', filter: 'span.kind = "LLM"', sampleRate: 0.1, evaluatorId })
        .returning()
      const jobs = ['t1', 't2', 't3'].map((traceId) => ({ projectId, ruleId: rule!.id, traceId }))
      await ctx.pg.db.insert(onlineEvalJobs).values(jobs)
      const again = await ctx.pg.db.insert(onlineEvalJobs).values(jobs).onConflictDoNothing().returning()
      expect(again).toHaveLength(0)

      const [a, b] = await Promise.all([
        claim(ctx.pg.db, projectId, 'w1', 2),
        claim(ctx.pg.db, projectId, 'w2', 2),
      ])
      const claimed = [...a, ...b].map((j) => j.traceId).sort()
      expect(claimed).toEqual(['t1', 't2', 't3'].slice(0, claimed.length))
      expect(new Set(claimed).size).toBe(claimed.length)
      const rest = await claim(ctx.pg.db, projectId, 'w3', 10)
      expect([...claimed, ...rest.map((j) => j.traceId)].sort()).toEqual(['t1', 't2', 't3'])
      expect([...a, ...b, ...rest].every((j) => j.status === 'running' && j.attempts === 1)).toBe(true)
    })
  })
}
