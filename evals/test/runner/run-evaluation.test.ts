// The runner against a real Assay (API + collector on embedded storage, in this
// process) and the LLM test server through the real `openai` client: bounded
// concurrency, task and scorer errors, assessments and the run record.
import { type LlmTestServer, startLlmTestServer } from '@assay/llm-test-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DatasetRow } from '../../src/datasets/dataset-row.js'
import { runEvaluation } from '../../src/runner/index.js'
import type { Scorer } from '../../src/types.js'
import { startTestAssay, type TestAssay } from '../support/assay-server.js'
import { exactScorer, testJudge } from '../support/test-judge.js'

let assay: TestAssay
let llm: LlmTestServer
beforeAll(async () => {
  ;[assay, llm] = await Promise.all([startTestAssay(), startLlmTestServer({ latencyMs: 20 })])
}, 120_000)
afterAll(async () => {
  await llm?.close()
  await assay?.close()
})
beforeEach(() => llm.reset())

const rows = (n: number): DatasetRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `row-${i}`,
    inputs: { q: i },
    expectations: { expected: `a${i}` },
  }))
const judges = () => ['correctness', 'relevance', 'safety'].map((name) => testJudge(name, llm.url))

describe('runEvaluation with a task', () => {
  it('keeps judge calls within the concurrency bound, and fills it', async () => {
    // Slow answers, so that calls overlap however loaded the machine is and "fills it" is not a race.
    llm.script(() => ({ delayMs: 250 }))
    const result = await runEvaluation({
      name: 'bounded',
      dataset: rows(30),
      task: async (inputs) => `a${(inputs as { q: number }).q}`,
      scorers: judges(),
      concurrency: 5,
      assay: { url: assay.url },
    })
    expect(llm.callCount('/v1/chat/completions')).toBe(90)
    expect(llm.maxConcurrent).toBe(5)
    expect(result.summary.scorers.correctness).toMatchObject({
      count: 30,
      errorCount: 0,
      mean: 1,
      passRate: 1,
    })
    expect(result.summary.judge.calls).toBe(90)
    expect(result.items.every((i) => i.traceId && i.error === null)).toBe(true)
  })

  it('records the run with its summary and each score as an assessment on the item trace', async () => {
    const result = await runEvaluation({
      name: 'recorded',
      dataset: rows(6).map((r, i) => (i === 0 ? { ...r, inputs: { q: '[[set:verdict=no]]' } } : r)),
      task: async (inputs) => `a${(inputs as { q: number }).q}`,
      scorers: [exactScorer(), testJudge('correctness', llm.url)],
      concurrency: 4,
      assay: { url: assay.url },
      config: { suite: 'test' },
    })
    const run = await assay.get(`/runs/${result.runId}`)
    expect(run.status).toBe(200)
    expect(run.body).toMatchObject({
      name: 'recorded',
      status: 'completed',
      config: { suite: 'test', concurrency: 4 },
    })
    expect(run.body.summary.itemCount).toBe(6)
    expect(run.body.summary.scorers.correctness).toEqual({
      count: 6,
      errorCount: 0,
      mean: 5 / 6,
      passRate: 5 / 6,
    })
    expect(run.body.summary.scorers.exact.passRate).toBeCloseTo(5 / 6)
    expect(run.body.summary.costUsd).toBeCloseTo(0.006)
    // One judge call per item, none cached on the first run; tokens come from the test server's usage.
    expect(run.body.summary.judgeUsage).toMatchObject({ calls: 6, cachedCalls: 0 })
    expect(run.body.summary.judgeUsage.inputTokens).toBeGreaterThan(0)
    expect(run.body.summary.judgeUsage.outputTokens).toBeGreaterThan(0)

    const first = result.items[0]!
    const trace = await assay.get(`/traces/${first.traceId}`)
    expect(trace.body.spans.find((s: { parent_span_id: string }) => s.parent_span_id === '')).toMatchObject({
      name: 'recorded',
      kind: 'CHAIN',
    })
    const assessments = await assay.get(`/traces/${first.traceId}/assessments`)
    const byName = Object.fromEntries(assessments.body.items.map((a: { name: string }) => [a.name, a]))
    expect(byName.correctness).toMatchObject({
      value: 0,
      source_type: 'LLM_JUDGE',
      source_id: 'judge:correctness@1',
      run_id: result.runId,
      error: '',
    })
    expect(byName.exact).toMatchObject({ value: false, source_type: 'CODE', run_id: result.runId })
  })

  it('records a throwing task as the item error on every scorer, and completes the run', async () => {
    const result = await runEvaluation({
      name: 'task-errors',
      dataset: rows(4),
      task: async (inputs) => {
        if ((inputs as { q: number }).q % 2 === 1) throw new Error('upstream timed out')
        return `a${(inputs as { q: number }).q}`
      },
      scorers: [exactScorer(), testJudge('correctness', llm.url)],
      concurrency: 2,
      assay: { url: assay.url },
    })
    expect(result.summary.itemErrorCount).toBe(2)
    expect(result.summary.scorers.correctness).toMatchObject({
      count: 4,
      errorCount: 2,
      mean: 1,
      passRate: 0.5,
    })
    expect(result.summary.passRate).toBe(0.5)
    // The judge is not asked about an answer that does not exist.
    expect(llm.callCount('/v1/chat/completions')).toBe(2)
    const failed = result.items[1]!
    expect(failed.error).toBe('task failed: upstream timed out')
    const trace = await assay.get(`/traces/${failed.traceId}`)
    expect(trace.body.spans[0].status_code).toBe('ERROR')
    const assessments = await assay.get(`/traces/${failed.traceId}/assessments`)
    expect(assessments.body.items).toHaveLength(2)
    for (const a of assessments.body.items) expect(a.error).toBe('task failed: upstream timed out')
    const run = await assay.get(`/runs/${result.runId}`)
    expect(run.body.status).toBe('completed')
  })

  it('turns a throwing scorer and a failing judge into error results', async () => {
    const throwing: Scorer = {
      name: 'throws',
      kind: 'code',
      score: async () => {
        throw new Error('bug in scorer')
      },
    }
    const result = await runEvaluation({
      dataset: [{ inputs: { q: 'fine' } }, { inputs: { q: 'broken [[error:500]]' } }],
      task: async (inputs) => inputs,
      scorers: [throwing, testJudge('correctness', llm.url)],
      assay: { url: assay.url },
    })
    expect(result.summary.scorers.throws).toMatchObject({ count: 2, errorCount: 2, mean: null })
    expect(result.summary.scorers.correctness).toMatchObject({ count: 2, errorCount: 1, passRate: 0.5 })
    expect(result.items[0]!.scores[0]!.error).toBe('scorer threw: bug in scorer')
    const assessments = await assay.get(`/traces/${result.items[1]!.traceId}/assessments`)
    const judge = assessments.body.items.find((a: { name: string }) => a.name === 'correctness')
    expect(judge.error).toMatch(/500/)
  })

  it('runs and reports without an Assay to record to', async () => {
    const result = await runEvaluation({
      dataset: rows(3),
      task: async (inputs) => `a${(inputs as { q: number }).q}`,
      scorers: [exactScorer()],
    })
    expect(result.runId).toBeNull()
    expect(result.summary.scorers.exact).toMatchObject({ count: 3, mean: 1, passRate: 1 })
  })
})

describe('runEvaluation over stored traces', () => {
  it('scores the traces a filter selects', async () => {
    const first = await runEvaluation({
      name: 'to-rescore',
      dataset: rows(3),
      task: async (inputs) => `a${(inputs as { q: number }).q}`,
      scorers: [exactScorer()],
      assay: { url: assay.url },
    })
    const result = await runEvaluation({
      name: 'rescore',
      traces: { filter: "trace.name = 'to-rescore'" },
      scorers: [testJudge('relevance', llm.url)],
      assay: { url: assay.url },
    })
    expect(result.items.map((i) => i.traceId).sort()).toEqual(first.items.map((i) => i.traceId).sort())
    expect(result.summary.scorers.relevance).toMatchObject({ count: 3, errorCount: 0 })
    // The judge saw the trace's root input, read back from storage.
    const prompt = JSON.stringify((llm.calls[0]!.body as { messages: unknown }).messages)
    expect(prompt).toContain('\\"q\\"')
  })
})
