// LoggedModel reads: per-model trace totals for comparison, and the prompt versions a model used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClickHouse, insertSpans, modelPrompts, modelTraceStats } from '../../src/clickhouse/index.js'
import { ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-models'
const window = { projectId: project, from: ns(0), to: ns(3600n * SECOND) }

/** A trace of `seconds` with a root and a child (the child carries the tokens and cost). */
function trace(
  modelId: string,
  startS: number,
  seconds: number,
  extra: { error?: boolean; prompt?: string } = {},
) {
  const id = traceId()
  const start = BigInt(ns(BigInt(startS) * SECOND))
  const root = span({
    project_id: project,
    trace_id: id,
    model_id: modelId,
    start_time: `${start}`,
    end_time: `${start + BigInt(seconds) * SECOND}`,
    input_tokens: 0,
    output_tokens: 0,
    total_tokens: 0,
    cost_usd: 0,
    prompt_name: '',
    prompt_version: '',
  })
  const [name = '', version = ''] = (extra.prompt ?? '').split('/')
  const child = span({
    project_id: project,
    trace_id: id,
    parent_span_id: root.span_id,
    model_id: modelId,
    status_code: extra.error ? 'ERROR' : 'OK',
    start_time: `${start + SECOND / 10n}`,
    end_time: `${start + SECOND / 5n}`,
    input_tokens: 100,
    output_tokens: 20,
    total_tokens: 120,
    cost_usd: 0.5,
    prompt_name: name,
    prompt_version: version,
  })
  return [root, child]
}

beforeAll(async () => {
  ch = await openTestClickHouse()
  const a = [
    ...trace('m-a', 10, 1, { prompt: 'support/3' }),
    ...trace('m-a', 20, 2, { prompt: 'support/10' }),
    ...trace('m-a', 30, 3, { error: true, prompt: 'support/3' }),
  ]
  const b = [...trace('m-b', 40, 10, { prompt: 'triage/1' })]
  await insertSpans(ch, [...a, ...b])
  await insertSpans(ch, a) // a re-sent export
  await insertSpans(ch, [
    ...trace('m-a', 7200, 1, { prompt: 'late/1' }), // outside the window
    ...trace('m-a', 50, 1, { prompt: 'other/1' }).map((s) => ({ ...s, project_id: 'p-elsewhere' })),
  ])
})
afterAll(() => closeTestClickHouse(ch))

describe('modelTraceStats', () => {
  it('totals traces, errors, latency, tokens and cost per model, counting re-sent spans once', async () => {
    const [a, b, none] = await modelTraceStats(ch, { ...window, modelIds: ['m-a', 'm-b', 'm-none'] })
    expect(a).toMatchObject({
      modelId: 'm-a',
      traceCount: 3,
      errorCount: 1,
      inputTokens: { total: 300, meanPerTrace: 100 },
      totalTokens: { total: 360, meanPerTrace: 120 },
      costUsd: { total: 1.5, meanPerTrace: 0.5 },
    })
    expect(a!.latencyMs.p50).toBeCloseTo(2000, 0)
    expect(a!.latencyMs.p95).toBeGreaterThan(2000)
    expect(a!.latencyMs.p95).toBeLessThanOrEqual(3000)
    expect(b).toMatchObject({ traceCount: 1, latencyMs: { p50: 10_000, p95: 10_000 } })
    expect(none).toEqual({
      modelId: 'm-none',
      traceCount: 0,
      errorCount: 0,
      latencyMs: { p50: null, p95: null },
      inputTokens: { total: 0, meanPerTrace: null },
      outputTokens: { total: 0, meanPerTrace: null },
      totalTokens: { total: 0, meanPerTrace: null },
      costUsd: { total: 0, meanPerTrace: null },
    })
  })

  it('counts only traces that start in the window', async () => {
    const [a] = await modelTraceStats(ch, { ...window, from: ns(15n * SECOND), modelIds: ['m-a'] })
    expect(a?.traceCount).toBe(2)
  })
})

describe('modelPrompts', () => {
  it('lists the prompt versions of a model in name and numeric version order, paged', async () => {
    const first = await modelPrompts(ch, { ...window, modelId: 'm-a', limit: 1 })
    expect(first.items).toEqual([
      expect.objectContaining({ promptName: 'support', promptVersion: '3', traceCount: 2, spanCount: 2 }),
    ])
    const second = await modelPrompts(ch, { ...window, modelId: 'm-a', limit: 1, cursor: first.nextCursor })
    expect(second.items.map((p) => `${p.promptName}/${p.promptVersion}`)).toEqual(['support/10'])
    expect(second.nextCursor).toBeUndefined()
    expect(BigInt(first.items[0]!.firstSeen)).toBeLessThan(BigInt(first.items[0]!.lastSeen))
  })

  it('refuses a cursor of another model', async () => {
    const first = await modelPrompts(ch, { ...window, modelId: 'm-a', limit: 1 })
    await expect(modelPrompts(ch, { ...window, modelId: 'm-b', cursor: first.nextCursor })).rejects.toThrow(
      'cursor',
    )
  })
})
