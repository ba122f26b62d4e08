import type { EvaluationRunSummary } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { InvalidCursorError } from '../../../src/clickhouse/index.js'
import {
  type AssayDb,
  createEvaluationRun,
  createLoggedModel,
  finalizeLoggedModel,
  findOrCreateLoggedModel,
  getEvaluationRun,
  getEvaluatorVersion,
  getLoggedModel,
  getLoggedModels,
  latestCompletedRuns,
  listEvaluationRuns,
  listEvaluators,
  listEvaluatorVersions,
  pgSchema,
  RecordInputError,
  saveEvaluator,
  searchLoggedModels,
  setLoggedModelTags,
  updateEvaluationRun,
} from '../../../src/postgres/index.js'
import { newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** The LoggedModel, evaluator and evaluation-run repositories. */

const exact = { type: 'code' as const, scorer: 'exact_match', params: {} }
const contains = { type: 'code' as const, scorer: 'contains', params: { ignoreCase: true } }

function summary(mean: number): EvaluationRunSummary {
  return {
    itemCount: 10,
    scorers: { correctness: { count: 10, errorCount: 0, mean, passRate: mean } },
    costUsd: 0.1,
    durationMs: 1000,
  }
}

async function rejection(promise: Promise<unknown>): Promise<RecordInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RecordInputError)
  return error as RecordInputError
}

async function newDataset(db: AssayDb, projectId: string, version: number): Promise<string> {
  const [row] = await db
    .insert(pgSchema.datasets)
    .values({ projectId, name: `qa-${version}`, version })
    .returning()
  return row!.id
}

export function modelsRepoCases(ctx: CaseContext): void {
  describe('logged model repository', () => {
    it('creates and reads a model, scoped by project', async () => {
      const projectId = await newProject(ctx.pg.db)
      const model = await createLoggedModel(ctx.pg.db, projectId, {
        name: 'rag',
        params: { temperature: 0.2, model: 'gpt-4o', stream: false },
        git: { commit: 'abc', branch: 'main', dirty: true },
      })
      expect(model).toMatchObject({
        name: 'rag',
        tags: {},
        git: { commit: 'abc', branch: 'main', dirty: true },
        status: 'ready',
        source: null,
      })
      expect(await getLoggedModel(ctx.pg.db, projectId, model.id)).toEqual(model)
      expect(await getLoggedModel(ctx.pg.db, await newProject(ctx.pg.db), model.id)).toBeNull()
      expect(await getLoggedModels(ctx.pg.db, projectId, ['nope', model.id])).toEqual([model])
    })

    it('finds a model by name, params and commit instead of creating another', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const first = await findOrCreateLoggedModel(db, projectId, {
        name: 'app',
        params: { a: 1, b: 'x' },
        tags: { team: 'x' },
      })
      expect(first.created).toBe(true)
      const again = await findOrCreateLoggedModel(db, projectId, { name: 'app', params: { b: 'x', a: 1.0 } })
      expect(again).toEqual({ model: first.model, created: false })
      const otherCommit = await findOrCreateLoggedModel(db, projectId, {
        name: 'app',
        params: { a: 1, b: 'x' },
        git: { commit: 'c1' },
      })
      expect(otherCommit.created).toBe(true)
      const otherParams = await findOrCreateLoggedModel(db, projectId, {
        name: 'app',
        params: { a: 2, b: 'x' },
      })
      expect(otherParams.created).toBe(true)
      await finalizeLoggedModel(db, projectId, first.model.id, 'failed')
      const afterFailure = await findOrCreateLoggedModel(db, projectId, {
        name: 'app',
        params: { a: 1, b: 'x' },
      })
      expect(afterFailure.created).toBe(true)
    })

    it('creates one model when callers race on the same version', async () => {
      const projectId = await newProject(ctx.pg.db)
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          findOrCreateLoggedModel(ctx.pg.db, projectId, { name: 'race', params: { k: 'v' } }),
        ),
      )
      expect(new Set(results.map((r) => r.model.id)).size).toBe(1)
      expect(results.filter((r) => r.created)).toHaveLength(1)
    })

    it('merges tag patches and finalizes', async () => {
      const projectId = await newProject(ctx.pg.db)
      const model = await createLoggedModel(ctx.pg.db, projectId, {
        name: 'm',
        tags: { a: '1', b: '2' },
        status: 'pending',
      })
      const patched = await setLoggedModelTags(ctx.pg.db, projectId, model.id, { b: null, c: '3', a: 'one' })
      expect(patched?.tags).toEqual({ a: 'one', c: '3' })
      expect(await setLoggedModelTags(ctx.pg.db, projectId, 'missing', { a: 'x' })).toBeNull()
      expect((await finalizeLoggedModel(ctx.pg.db, projectId, model.id, 'ready'))?.status).toBe('ready')
      expect(await finalizeLoggedModel(ctx.pg.db, projectId, 'missing', 'ready')).toBeNull()
    })

    it('searches by name, params, tags and the latest completed run metrics', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const cold = await createLoggedModel(db, projectId, {
        name: 'bot',
        params: { temperature: 0.2, stream: true },
        tags: { team: 'a' },
      })
      // Newest first: PGlite's clock ticks in milliseconds, so make 'warm' strictly newer.
      await new Promise((resolve) => setTimeout(resolve, 3))
      const warm = await createLoggedModel(db, projectId, {
        name: 'bot',
        params: { temperature: '0.7', stream: false },
        tags: { team: 'b' },
      })
      await createLoggedModel(db, projectId, { name: 'other', params: { temperature: 0.2 } })
      const ids = async (options: Parameters<typeof searchLoggedModels>[2]) =>
        (await searchLoggedModels(db, projectId, options)).items.map((m) => m.id)

      expect(await ids({ name: 'bot' })).toEqual([warm.id, cold.id])
      expect(await ids({ name: 'bot', params: { temperature: '0.20' } })).toEqual([cold.id])
      expect(await ids({ params: { temperature: '0.7' } })).toEqual([warm.id])
      expect(await ids({ params: { stream: 'true' } })).toEqual([cold.id])
      expect(await ids({ tags: { team: 'b' } })).toEqual([warm.id])

      await createEvaluationRun(db, projectId, {
        loggedModelId: cold.id,
        status: 'completed',
        summary: summary(0.5),
      })
      await createEvaluationRun(db, projectId, {
        loggedModelId: cold.id,
        status: 'completed',
        summary: summary(0.9),
      })
      await createEvaluationRun(db, projectId, {
        loggedModelId: warm.id,
        status: 'completed',
        summary: summary(0.6),
      })
      await createEvaluationRun(db, projectId, {
        loggedModelId: warm.id,
        status: 'failed',
        summary: summary(0.99),
      })
      const metric = (op: '>' | '<=', value: number) =>
        ids({ metrics: [{ scorer: 'correctness', op, value }] })
      expect(await metric('>', 0.8)).toEqual([cold.id])
      expect(await metric('<=', 0.6)).toEqual([warm.id])
      expect(await ids({ metrics: [{ scorer: 'relevance', op: '>', value: 0 }] })).toEqual([])
    })

    it('pages newest first without skipping rows created in the same millisecond', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const created = new Date()
      await db
        .insert(pgSchema.loggedModels)
        .values(Array.from({ length: 7 }, (_, i) => ({ projectId, name: `same-${i}`, createdAt: created })))
      await db.execute(
        // Microseconds apart within one millisecond: a millisecond cursor would lose some.
        `update logged_models set created_at = created_at + (random() * 900)::int * interval '1 microsecond' where project_id = '${projectId}'`,
      )
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await searchLoggedModels(db, projectId, { limit: 3, cursor })
        seen.push(...page.items.map((m) => m.name))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `same-${i}`))
      const first = await searchLoggedModels(db, projectId, { limit: 3 })
      await expect(
        searchLoggedModels(db, projectId, { limit: 3, name: 'x', cursor: first.nextCursor }),
      ).rejects.toBeInstanceOf(InvalidCursorError)
    })
  })

  describe('evaluator repository', () => {
    it('versions definitions by name and keeps an unchanged definition as is', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const v1 = await saveEvaluator(db, projectId, { name: 'em', description: 'exact', definition: exact })
      expect(v1).toMatchObject({ created: true, evaluator: { latestVersion: 1 }, version: { version: 1 } })
      const same = await saveEvaluator(db, projectId, { name: 'em', definition: exact })
      expect(same).toMatchObject({ created: false, version: { version: 1 } })
      const v2 = await saveEvaluator(db, projectId, { name: 'em', definition: contains })
      expect(v2).toMatchObject({ created: true, evaluator: { latestVersion: 2, description: 'exact' } })
      expect((await getEvaluatorVersion(db, projectId, 'em'))?.definition).toEqual(contains)
      expect((await getEvaluatorVersion(db, projectId, 'em', 1))?.definition).toEqual(exact)
      expect(await getEvaluatorVersion(db, projectId, 'em', 3)).toBeNull()
      const page = await listEvaluatorVersions(db, v2.evaluator, { limit: 1 })
      expect(page.items.map((v) => v.version)).toEqual([2])
      const next = await listEvaluatorVersions(db, v2.evaluator, { limit: 1, cursor: page.nextCursor })
      expect(next.items.map((v) => v.version)).toEqual([1])
      expect(next.nextCursor).toBeUndefined()
    })

    it('gives concurrent saves consecutive versions and lists by name', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          saveEvaluator(db, projectId, { name: 'b', definition: { ...exact, params: { i } } }),
        ),
      )
      const versions = await listEvaluatorVersions(db, (await listEvaluators(db, projectId)).items[0]!)
      expect(versions.items.map((v) => v.version)).toEqual([5, 4, 3, 2, 1])
      await saveEvaluator(db, projectId, { name: 'a', definition: exact })
      const first = await listEvaluators(db, projectId, { limit: 1 })
      const second = await listEvaluators(db, projectId, { limit: 1, cursor: first.nextCursor })
      expect([...first.items, ...second.items].map((e) => e.name)).toEqual(['a', 'b'])
    })
  })

  describe('evaluation run repository', () => {
    it('links a run to its model, dataset version and evaluator versions', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const model = await createLoggedModel(db, projectId, { name: 'm' })
      const datasetId = await newDataset(db, projectId, 4)
      await saveEvaluator(db, projectId, { name: 'em', definition: exact })
      await saveEvaluator(db, projectId, { name: 'em', definition: contains })
      const run = await createEvaluationRun(db, projectId, {
        name: 'ci',
        loggedModelId: model.id,
        datasetId,
        evaluators: [{ name: 'em' }, { name: 'em', version: 1 }],
        status: 'running',
      })
      expect(run).toMatchObject({
        datasetVersion: 4,
        evaluators: [
          { name: 'em', version: 2 },
          { name: 'em', version: 1 },
        ],
        status: 'running',
        finishedAt: null,
      })
      expect(run.startedAt).toBeGreaterThan(0)
      expect(await getEvaluationRun(db, projectId, run.id)).toEqual(run)
    })

    it('refuses links that are missing from the project or inconsistent, naming the field', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const elsewhere = await newProject(db)
      const foreignModel = await createLoggedModel(db, elsewhere, { name: 'm' })
      const foreignDataset = await newDataset(db, elsewhere, 1)
      const datasetId = await newDataset(db, projectId, 2)
      await saveEvaluator(db, projectId, { name: 'em', definition: exact })
      const create = (input: Parameters<typeof createEvaluationRun>[2]) =>
        rejection(createEvaluationRun(db, projectId, input))
      expect(await create({ loggedModelId: foreignModel.id })).toMatchObject({
        problem: 'not_found',
        field: 'loggedModelId',
      })
      expect(await create({ datasetId: foreignDataset })).toMatchObject({
        problem: 'not_found',
        field: 'datasetId',
      })
      expect(await create({ datasetId, datasetVersion: 3 })).toMatchObject({
        problem: 'invalid',
        field: 'datasetVersion',
      })
      expect(await create({ datasetVersion: 1 })).toMatchObject({
        problem: 'invalid',
        field: 'datasetVersion',
      })
      expect(await create({ evaluators: [{ name: 'em' }, { name: 'nope' }] })).toMatchObject({
        field: 'evaluators.1.name',
      })
      expect(await create({ evaluators: [{ name: 'em', version: 2 }] })).toMatchObject({
        field: 'evaluators.0.version',
      })
    })

    it('stamps times by status and keeps a finished run finished', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const run = await createEvaluationRun(db, projectId, {})
      expect(run).toMatchObject({ status: 'pending', startedAt: null, finishedAt: null })
      const running = await updateEvaluationRun(db, projectId, run.id, { status: 'running' })
      expect(running?.startedAt).toBeGreaterThan(0)
      const done = await updateEvaluationRun(db, projectId, run.id, {
        status: 'completed',
        summary: summary(0.7),
      })
      expect(done).toMatchObject({
        status: 'completed',
        startedAt: running!.startedAt,
        summary: summary(0.7),
      })
      expect(done?.finishedAt).toBeGreaterThanOrEqual(running!.startedAt!)
      expect(
        await rejection(updateEvaluationRun(db, projectId, run.id, { status: 'running' })),
      ).toMatchObject({
        problem: 'conflict',
        field: 'status',
      })
      const renamed = await updateEvaluationRun(db, projectId, run.id, {
        name: 'nightly',
        status: 'completed',
      })
      expect(renamed).toMatchObject({ name: 'nightly', finishedAt: done!.finishedAt })
      expect(await updateEvaluationRun(db, projectId, 'missing', { status: 'running' })).toBeNull()
    })

    it('lists runs by model and dataset and finds each model latest completed run', async () => {
      const db = ctx.pg.db
      const projectId = await newProject(db)
      const a = await createLoggedModel(db, projectId, { name: 'a' })
      const b = await createLoggedModel(db, projectId, { name: 'b' })
      const datasetId = await newDataset(db, projectId, 1)
      const older = await createEvaluationRun(db, projectId, {
        loggedModelId: a.id,
        datasetId,
        status: 'completed',
        summary: summary(0.1),
      })
      const newer = await createEvaluationRun(db, projectId, {
        loggedModelId: a.id,
        status: 'completed',
        summary: summary(0.2),
      })
      await createEvaluationRun(db, projectId, { loggedModelId: a.id, status: 'running' })
      const ofB = await createEvaluationRun(db, projectId, { loggedModelId: b.id })
      const byModel = await listEvaluationRuns(db, projectId, { loggedModelId: a.id, limit: 2 })
      expect(byModel.items).toHaveLength(2)
      const rest = await listEvaluationRuns(db, projectId, {
        loggedModelId: a.id,
        cursor: byModel.nextCursor,
      })
      expect(rest.items.map((r) => r.id)).toEqual([older.id])
      expect((await listEvaluationRuns(db, projectId, { datasetId })).items.map((r) => r.id)).toEqual([
        older.id,
      ])
      expect((await listEvaluationRuns(db, projectId, { status: 'pending' })).items.map((r) => r.id)).toEqual(
        [ofB.id],
      )
      const latest = await latestCompletedRuns(db, projectId, [a.id, b.id])
      expect([...latest.keys()]).toEqual([a.id])
      expect(latest.get(a.id)?.id).toBe(newer.id)
      expect((await latestCompletedRuns(db, projectId, [a.id], { datasetId })).get(a.id)?.id).toBe(older.id)
    })
  })
}
