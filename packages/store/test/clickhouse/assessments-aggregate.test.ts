// Aggregates of one assessment name over a window of traces, overall and per time bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  aggregateAssessments,
  assessmentTimeseries,
  type ClickHouse,
  deleteAssessment,
  insertAssessments,
  insertSpans,
  logAssessment,
  overrideAssessment,
} from '../../src/clickhouse/index.js'
import { assessment, ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const project = 'p-agg'
const HOUR = 3600n * SECOND
// ns(0) is 2023-11-14T22:13:20Z; hour buckets start at 22:00 and 23:00.
const BASE_MS = 1_700_000_000_000
const window = { projectId: project, from: ns(0), to: ns(2n * HOUR) }

/** A trace starting `offset` ns after ns(0), named `name`. */
async function trace(offset: bigint, name = 'chat'): Promise<string> {
  const id = traceId()
  await insertSpans(ch, [
    span({ project_id: project, trace_id: id, name, start_time: ns(offset), end_time: ns(offset + SECOND) }),
  ])
  return id
}

const log = (trace_id: string, name: string, value: number | boolean | string) =>
  logAssessment(ch, { project_id: project, trace_id, name, value })

beforeAll(async () => {
  ch = await openTestClickHouse()
  const early = await Promise.all([trace(SECOND), trace(2n * SECOND, 'search'), trace(3n * SECOND)])
  const late = await Promise.all([trace(HOUR), trace(HOUR + SECOND)])
  const outside = await trace(3n * HOUR)
  // helpful: 3 true, 1 false in the window (one true overridden to false, one deleted, one outside).
  await log(early[0]!, 'helpful', true)
  await log(early[1]!, 'helpful', true)
  const flipped = await log(early[2]!, 'helpful', true)
  await overrideAssessment(ch, { project_id: project, assessment_id: flipped.assessment_id, value: false })
  await log(late[0]!, 'helpful', true)
  const gone = await log(late[1]!, 'helpful', false)
  await deleteAssessment(ch, project, gone.assessment_id)
  await log(outside, 'helpful', false)
  // score: numbers; a retried insert is counted once; a failed judge is not counted.
  const retried = assessment({
    project_id: project,
    trace_id: early[0]!,
    name: 'score',
    value: 1,
    valid: true,
  })
  await insertAssessments(ch, [retried, retried])
  await log(early[1]!, 'score', 2)
  await log(late[0]!, 'score', 3)
  await log(late[1]!, 'score', 4)
  await insertAssessments(ch, [
    assessment({
      project_id: project,
      trace_id: late[1]!,
      name: 'score',
      value: 0,
      error: 'judge timed out',
    }),
  ])
  // topic: categories.
  await log(early[0]!, 'topic', 'billing')
  await log(early[1]!, 'topic', 'billing')
  await log(late[0]!, 'topic', 'shipping')
})
afterAll(() => closeTestClickHouse(ch))

describe('aggregateAssessments', () => {
  it('booleans: pass rate over valid, undeleted values of traces in the window', async () => {
    const a = await aggregateAssessments(ch, { ...window, name: 'helpful' })
    expect(a).toMatchObject({ name: 'helpful', count: 4, traces: 4, number: null, string: null })
    expect(a.boolean).toEqual({ count: 4, true: 3, false: 1, pass_rate: 0.75 })
  })

  it('numbers: mean, min, max and percentiles, each row once', async () => {
    const a = await aggregateAssessments(ch, { ...window, name: 'score' })
    expect(a.count).toBe(4)
    expect(a.number).toMatchObject({ count: 4, mean: 2.5, min: 1, max: 4, p50: 2.5 })
    expect(a.number!.p99).toBeGreaterThan(3.9)
  })

  it('categories: a distribution, most frequent first', async () => {
    const a = await aggregateAssessments(ch, { ...window, name: 'topic' })
    expect(a.string).toEqual({
      count: 3,
      distinct: 2,
      top: [
        { value: 'billing', count: 2 },
        { value: 'shipping', count: 1 },
      ],
    })
    expect((await aggregateAssessments(ch, { ...window, name: 'topic', top: 1 })).string!.top).toHaveLength(1)
  })

  it('an unknown name or an empty window aggregates nothing', async () => {
    expect(await aggregateAssessments(ch, { ...window, name: 'nope' })).toEqual({
      name: 'nope',
      count: 0,
      traces: 0,
      boolean: null,
      number: null,
      string: null,
    })
    const empty = await aggregateAssessments(ch, {
      ...window,
      from: ns(10n * HOUR),
      to: ns(11n * HOUR),
      name: 'helpful',
    })
    expect(empty.count).toBe(0)
  })

  it('a compiled trace filter narrows the traces (where on spans, having per trace)', async () => {
    const filter = {
      where: { sql: 'name = {f_0:String}', params: { f_0: 'search' } },
      having: { sql: 'count() > {f_1:UInt32}', params: { f_1: 0 } },
    }
    const a = await aggregateAssessments(ch, { ...window, name: 'helpful', filter })
    expect(a.boolean).toEqual({ count: 1, true: 1, false: 0, pass_rate: 1 })
    const none = { having: { sql: 'min(start_time) > now64(9)', params: {} } }
    expect((await aggregateAssessments(ch, { ...window, name: 'helpful', filter: none })).count).toBe(0)
  })
})

describe('assessmentTimeseries', () => {
  it('one bucket per hour of trace start, empty buckets included', async () => {
    const series = await assessmentTimeseries(ch, { ...window, name: 'helpful', bucketMs: 3600_000 })
    const firstHour = Math.floor(BASE_MS / 3600_000) * 3600_000
    expect(series.map((b) => b.start)).toEqual([firstHour, firstHour + 3600_000, firstHour + 7200_000])
    expect(series.map((b) => b.boolean?.pass_rate ?? null)).toEqual([2 / 3, 1, null])
    expect(series.map((b) => b.count)).toEqual([3, 1, 0])
  })

  it('numbers and categories per bucket', async () => {
    const scores = await assessmentTimeseries(ch, { ...window, name: 'score', bucketMs: 3600_000 })
    expect(scores.map((b) => b.number?.mean ?? null)).toEqual([1.5, 3.5, null])
    const topics = await assessmentTimeseries(ch, { ...window, name: 'topic', bucketMs: 3600_000 })
    expect(topics.map((b) => b.string?.top ?? [])).toEqual([
      [{ value: 'billing', count: 2 }],
      [{ value: 'shipping', count: 1 }],
      [],
    ])
  })

  it('refuses more buckets than it returns', async () => {
    await expect(assessmentTimeseries(ch, { ...window, name: 'helpful', bucketMs: 1000 })).rejects.toThrow(
      RangeError,
    )
  })
})
