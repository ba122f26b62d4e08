// Online evaluation end to end inside one process, on both Postgres drivers:
// the matcher turns new matching traces into jobs (filter, deterministic
// sample), two workers sharing one database score every job exactly once
// and write one assessment per trace, and a failing evaluator ends in
// `failed` jobs with their last error after the allowed attempts.

import type { EvaluatorDefinition } from '@assay/core'
import { evalItemFromTrace, scorerFromDefinition } from '@assay/evals'
import {
  type ClickHouse,
  countRuleJobs,
  createRule,
  insertSpans,
  listAssessmentsByName,
  listRuleJobs,
  type Postgres,
  saveEvaluator,
} from '@assay/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createRateLimiter,
  createWorker,
  inSample,
  matchOnce,
  type Worker,
} from '../../src/online-eval/index.js'
import {
  closeClickHouse,
  newProject,
  openClickHouse,
  type PostgresBackend,
  pgliteBackend,
  serverBackend,
} from './storage.js'
import { answerTrace } from './traces.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openClickHouse()
})
afterAll(() => closeClickHouse(ch))

const exactYes: EvaluatorDefinition = { type: 'code', scorer: 'exact_match', params: { expected: 'yes' } }
const broken: EvaluatorDefinition = { type: 'code', scorer: 'regex', params: { pattern: '(' } }

async function ruleFor(
  pg: Postgres,
  definition: EvaluatorDefinition,
  rule: { filter?: string; sampleRate?: number } = {},
) {
  const projectId = await newProject(pg)
  const { evaluator } = await saveEvaluator(pg.db, projectId, { name: 'answered-yes', definition })
  const created = await createRule(pg.db, projectId, {
    name: 'rule',
    filter: rule.filter ?? '',
    sampleRate: rule.sampleRate ?? 1,
    evaluatorId: evaluator.id,
    evaluatorVersion: null,
    enabled: true,
  })
  return { projectId, rule: created }
}

function workerOn(pg: Postgres, scored: string[], overrides: { maxAttempts?: number } = {}): Worker {
  return createWorker({
    db: pg.db,
    clickhouse: ch,
    limiter: createRateLimiter(1000),
    scorerFor: (evaluator) => scorerFromDefinition(evaluator),
    itemFromTrace: evalItemFromTrace,
    concurrency: 3,
    pollMs: 20,
    maxAttempts: overrides.maxAttempts ?? 3,
    retryMs: 10,
    onSettled: (job) => scored.push(job.id),
    onError: (error) => console.error(error),
  })
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 25))
  }
}

const match = (pg: Postgres) =>
  matchOnce({ db: pg.db, clickhouse: ch, settleMs: 0, now: () => Date.now() + 1000, pageSize: 7 })

describe.each([
  ['pglite', pgliteBackend],
  ['postgres', serverBackend],
] as const)('online evaluation on %s', (_, makeBackend) => {
  let backend: PostgresBackend
  beforeAll(() => {
    backend = makeBackend()
  })
  afterAll(() => backend.close())

  it('matches new traces by filter and a deterministic sample, once each', async () => {
    const [pg] = await backend.open(1)
    const { projectId, rule } = await ruleFor(pg!, exactYes, { filter: "span.kind = 'LLM'", sampleRate: 0.5 })
    const llm = Array.from({ length: 40 }, () => answerTrace(projectId, 'yes'))
    const tools = Array.from({ length: 10 }, () => answerTrace(projectId, 'yes', { kind: 'TOOL' }))
    await insertSpans(ch, [...llm, ...tools])
    const expected = llm.filter((s) => inSample(rule.id, s.trace_id, 0.5)).map((s) => s.trace_id)
    expect(expected.length).toBeGreaterThan(5)
    expect(expected.length).toBeLessThan(35)
    expect(await match(pg!)).toBe(expected.length)
    // A second pass (another process, say) adds nothing.
    expect(await match(pg!)).toBe(0)
    const jobs = await listRuleJobs(pg!.db, projectId, rule.id, { limit: 1000 })
    expect(jobs.items.map((j) => j.traceId).sort()).toEqual(expected.sort())
  })

  it('scores every job exactly once with two servers’ workers on one database', async () => {
    const [one, two] = await backend.open(2)
    const { projectId, rule } = await ruleFor(one!, exactYes)
    const spans = Array.from({ length: 60 }, (_, i) => answerTrace(projectId, i % 3 === 0 ? 'no' : 'yes'))
    await insertSpans(ch, spans)
    expect(await match(one!)).toBe(60)
    const scored: string[] = []
    const workers = [
      workerOn(one!, scored),
      workerOn(one!, scored),
      workerOn(two!, scored),
      workerOn(two!, scored),
    ]
    for (const w of workers) w.start()
    await until(async () => (await countRuleJobs(one!.db, projectId, rule.id)).done === 60)
    await Promise.all(workers.map((w) => w.stop()))
    expect(scored).toHaveLength(60)
    expect(new Set(scored).size).toBe(60)
    const assessments = await listAssessmentsByName(ch, {
      projectId,
      name: 'answered-yes',
      from: 0,
      to: Date.now() + 60_000,
      limit: 1000,
    })
    expect(assessments).toHaveLength(60)
    expect(new Set(assessments.map((a) => a.trace_id)).size).toBe(60)
    expect(assessments.filter((a) => a.value === true)).toHaveLength(40)
    expect(assessments[0]).toMatchObject({ source_type: 'CODE', source_id: 'code:answered-yes@1', error: '' })
  })

  it('fails a job for good after its attempts, keeps the error and writes it as an assessment', async () => {
    const [pg] = await backend.open(1)
    const { projectId, rule } = await ruleFor(pg!, broken)
    await insertSpans(ch, [answerTrace(projectId, 'yes'), answerTrace(projectId, 'no')])
    expect(await match(pg!)).toBe(2)
    const scored: string[] = []
    const worker = workerOn(pg!, scored, { maxAttempts: 2 })
    worker.start()
    await until(async () => (await countRuleJobs(pg!.db, projectId, rule.id)).failed === 2)
    // Give it time to (wrongly) try again.
    await new Promise((r) => setTimeout(r, 200))
    await worker.stop()
    expect(scored).toHaveLength(4)
    const failed = await listRuleJobs(pg!.db, projectId, rule.id, { status: 'failed' })
    expect(failed.items.map((j) => j.attempts)).toEqual([2, 2])
    expect(failed.items[0]!.lastError).toMatch(/regex|pattern|invalid/i)
    const assessments = await listAssessmentsByName(ch, {
      projectId,
      name: 'answered-yes',
      from: 0,
      to: Date.now() + 60_000,
      limit: 10,
    })
    expect(assessments).toHaveLength(2)
    expect(assessments.every((a) => a.error !== '')).toBe(true)
  })

  it('gives queued jobs back when it stops', async () => {
    const [pg] = await backend.open(1)
    const { projectId, rule } = await ruleFor(pg!, exactYes)
    await insertSpans(
      ch,
      Array.from({ length: 5 }, () => answerTrace(projectId, 'yes')),
    )
    await match(pg!)
    // A limiter that never lets a call start: jobs are claimed, then stuck until stop.
    const stuck = createWorker({
      db: pg!.db,
      clickhouse: ch,
      limiter: {
        take: (signal) =>
          new Promise((_, reject) => {
            if (signal?.aborted) reject(signal.reason)
            signal?.addEventListener('abort', () => reject(signal.reason))
          }),
      },
      scorerFor: (evaluator) => scorerFromDefinition(evaluator),
      itemFromTrace: evalItemFromTrace,
      concurrency: 2,
      queueSize: 4,
      pollMs: 20,
      maxAttempts: 3,
      retryMs: 10,
      graceMs: 50,
    })
    await stuck.poll()
    expect(await countRuleJobs(pg!.db, projectId, rule.id)).toMatchObject({ running: 4, pending: 1 })
    await stuck.stop()
    const jobs = await listRuleJobs(pg!.db, projectId, rule.id)
    expect(jobs.items.every((j) => j.status === 'pending' && j.attempts === 0)).toBe(true)
  })
})
