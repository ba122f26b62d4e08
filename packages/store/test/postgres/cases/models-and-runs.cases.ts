import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pgSchema } from '../../../src/postgres/index.js'
import { expectPgError, newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** logged_models and evaluation_runs: JSON columns round-trip, statuses are checked, runs outlive models. */
export function modelAndRunCases(ctx: CaseContext): void {
  const { datasets, evaluationRuns, loggedModels } = pgSchema

  describe('logged models and evaluation runs', () => {
    it('round-trips a logged model with params, tags and git info', async () => {
      const projectId = await newProject(ctx.pg.db)
      const params = { temperature: 0.2, model: 'gpt-4o', stream: true }
      const [model] = await ctx.pg.db
        .insert(loggedModels)
        .values({
          projectId,
          name: 'rag-app',
          params,
          tags: { team: 'search' },
          gitCommit: 'abc123',
          gitDirty: false,
        })
        .returning()
      const [read] = await ctx.pg.db.select().from(loggedModels).where(eq(loggedModels.id, model!.id))
      expect(read).toMatchObject({ params, tags: { team: 'search' }, gitCommit: 'abc123', gitBranch: null })
      expect(read).toMatchObject({ gitDirty: false, status: 'ready', source: null })
    })

    it('checks the status of a logged model', async () => {
      const projectId = await newProject(ctx.pg.db)
      await expectPgError(
        ctx.pg.db.insert(loggedModels).values({ projectId, name: 'm', status: 'bogus' as 'ready' }),
        '23514',
      )
    })

    it('stores a run against a dataset version and a model, and keeps it when the model goes', async () => {
      const projectId = await newProject(ctx.pg.db)
      const [model] = await ctx.pg.db.insert(loggedModels).values({ projectId, name: 'm' }).returning()
      const [dataset] = await ctx.pg.db
        .insert(datasets)
        .values({ projectId, name: 'qa', version: 3 })
        .returning()
      const summary = {
        itemCount: 2,
        scorers: { correctness: { count: 2, errorCount: 0, mean: 0.5, passRate: 0.5 } },
        costUsd: 0.01,
        durationMs: 1200,
      }
      const [run] = await ctx.pg.db
        .insert(evaluationRuns)
        .values({
          projectId,
          name: 'nightly',
          datasetId: dataset!.id,
          datasetVersion: 3,
          loggedModelId: model!.id,
          status: 'completed',
          summary,
        })
        .returning()
      await ctx.pg.db.delete(loggedModels).where(eq(loggedModels.id, model!.id))
      const [read] = await ctx.pg.db.select().from(evaluationRuns).where(eq(evaluationRuns.id, run!.id))
      expect(read).toMatchObject({ datasetId: dataset!.id, datasetVersion: 3, loggedModelId: null, summary })
    })
  })
}
