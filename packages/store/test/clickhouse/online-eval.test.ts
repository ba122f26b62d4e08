// The reads online evaluation and calibration need: settled traces since a
// watermark in (end, trace id) pages, a filter over a page of them, and the
// standing assessments of one name.
import { parseFilter } from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickHouse,
  deleteAssessment,
  insertAssessments,
  insertSpans,
  listAssessmentsByName,
  listSettledTraces,
  matchingTraceIds,
} from '../../src/clickhouse/index.js'
import { assessment, ns, SECOND, span, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
const P = 'oe'
// Five traces ending 10 s apart: t[i] starts at 10i s and ends at 10i + 2 s (a root and a TOOL child).
const t = Array.from({ length: 5 }, () => traceId())

beforeAll(async () => {
  ch = await openTestClickHouse()
  const rows = t.flatMap((id, i) => {
    const start = BigInt(i) * 10n * SECOND
    return [
      span({
        project_id: P,
        trace_id: id,
        span_id: `${i}000000000000001`.slice(0, 16),
        start_time: ns(start),
        end_time: ns(start + 2n * SECOND),
        kind: i % 2 ? 'LLM' : 'CHAIN',
        status_code: i === 3 ? 'ERROR' : 'OK',
      }),
      span({
        project_id: P,
        trace_id: id,
        span_id: `${i}000000000000002`.slice(0, 16),
        parent_span_id: `${i}000000000000001`.slice(0, 16),
        start_time: ns(start + SECOND),
        end_time: ns(start + SECOND + 1n),
        kind: 'TOOL',
      }),
    ]
  })
  // Sent twice: duplicates must not repeat a trace.
  await insertSpans(ch, [...rows, ...rows])
  await insertSpans(ch, [
    span({ project_id: 'other', trace_id: traceId(), start_time: ns(0), end_time: ns(SECOND) }),
  ])
})
afterAll(() => closeTestClickHouse(ch))

describe('listSettledTraces', () => {
  it('lists the traces that ended in the range, oldest end first, once each', async () => {
    const found = await listSettledTraces(ch, {
      projectId: P,
      from: ns(0),
      settledBefore: ns(33n * SECOND),
      limit: 100,
    })
    expect(found.map((r) => r.trace_id)).toEqual(t.slice(0, 4))
    expect(found[1]).toEqual({ trace_id: t[1], start_ns: ns(10n * SECOND), end_ns: ns(12n * SECOND) })
  })

  it('leaves out traces still active at the settle time, and those ended before the watermark', async () => {
    const found = await listSettledTraces(ch, {
      projectId: P,
      from: ns(12n * SECOND),
      settledBefore: ns(32n * SECOND),
      limit: 100,
    })
    // t1 ends exactly at `from` (inclusive); t3 ends at 32 s, not before it.
    expect(found.map((r) => r.trace_id)).toEqual([t[1], t[2]])
  })

  it('pages by (end, trace id)', async () => {
    const q = { projectId: P, from: ns(0), settledBefore: ns(100n * SECOND), limit: 2 }
    const first = await listSettledTraces(ch, q)
    const last = first.at(-1)!
    const second = await listSettledTraces(ch, {
      ...q,
      after: { endNs: last.end_ns, traceId: last.trace_id },
    })
    const third = await listSettledTraces(ch, {
      ...q,
      after: { endNs: second.at(-1)!.end_ns, traceId: second.at(-1)!.trace_id },
    })
    expect([...first, ...second, ...third].map((r) => r.trace_id)).toEqual(t)
  })
})

describe('matchingTraceIds', () => {
  it('keeps the traces of a page that the filter selects', async () => {
    const page = await listSettledTraces(ch, {
      projectId: P,
      from: ns(0),
      settledBefore: ns(100n * SECOND),
      limit: 100,
    })
    const llm = await matchingTraceIds(ch, {
      projectId: P,
      traces: page,
      filter: parseFilter("span.kind = 'LLM'"),
    })
    expect([...llm].sort()).toEqual([t[1], t[3]].sort())
    const errors = await matchingTraceIds(ch, {
      projectId: P,
      traces: page,
      filter: parseFilter("trace.status = 'ERROR'"),
    })
    expect([...errors]).toEqual([t[3]])
    const tools = await matchingTraceIds(ch, {
      projectId: P,
      traces: page.slice(0, 2),
      filter: parseFilter("span.kind = 'TOOL'"),
    })
    expect([...tools].sort()).toEqual([t[0], t[1]].sort())
    expect(
      await matchingTraceIds(ch, {
        projectId: 'other',
        traces: page,
        filter: parseFilter("span.kind = 'TOOL'"),
      }),
    ).toEqual(new Set())
  })
})

describe('listAssessmentsByName', () => {
  it('returns standing assessments of the name, from every source, in the window', async () => {
    const at = 1_700_000_000_000
    const human = assessment({
      project_id: P,
      trace_id: t[0]!,
      name: 'helpful',
      value: true,
      source_type: 'HUMAN',
      source_id: 'ann',
      created_at: at,
    })
    const judge = assessment({
      project_id: P,
      trace_id: t[0]!,
      name: 'helpful',
      value: false,
      source_type: 'LLM_JUDGE',
      source_id: 'judge:helpful@1',
      created_at: at + 1,
    })
    const gone = assessment({
      project_id: P,
      trace_id: t[1]!,
      name: 'helpful',
      value: true,
      created_at: at + 2,
    })
    const old = assessment({
      project_id: P,
      trace_id: t[1]!,
      name: 'helpful',
      value: true,
      created_at: at - 86_400_000,
    })
    const otherName = assessment({
      project_id: P,
      trace_id: t[1]!,
      name: 'correct',
      value: true,
      created_at: at,
    })
    const otherProject = assessment({
      project_id: 'other',
      trace_id: t[1]!,
      name: 'helpful',
      value: true,
      created_at: at,
    })
    // Stored twice, as a retried insert would.
    await insertAssessments(ch, [human, human, judge, gone, old, otherName, otherProject])
    await deleteAssessment(ch, P, gone.assessment_id)
    const found = await listAssessmentsByName(ch, {
      projectId: P,
      name: 'helpful',
      from: at - 1000,
      to: at + 1000,
      limit: 100,
    })
    expect(found.map((a) => [a.assessment_id, a.value, a.source_type]).sort()).toEqual(
      [
        [human.assessment_id, true, 'HUMAN'],
        [judge.assessment_id, false, 'LLM_JUDGE'],
      ].sort(),
    )
  })
})
