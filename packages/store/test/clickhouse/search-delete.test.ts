// Deleting traces by id and by age + filter: spans, events, assessments and the index all go; others stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickHouse,
  insertAssessments,
  insertSpanEvents,
  insertSpans,
} from '../../src/clickhouse/index.js'
import {
  deleteTraces,
  deleteTracesOlderThan,
  type FilterExpr,
  searchTraces,
} from '../../src/clickhouse/search/index.js'
import { assessment, ns, SECOND, span, spanEvent, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

let ch: ClickHouse
const project = 'p-delete'
const HOUR = 3600n * SECOND
const traces = Array.from({ length: 6 }, (_, i) => ({ id: traceId(), start: ns(BigInt(i) * HOUR), i }))

beforeAll(async () => {
  ch = await openTestClickHouse()
  const spans = traces.map((t) =>
    span({
      project_id: project,
      trace_id: t.id,
      environment: t.i % 2 ? 'staging' : 'production',
      start_time: t.start,
      end_time: (BigInt(t.start) + SECOND).toString(),
    }),
  )
  await insertSpans(ch, spans)
  await insertSpanEvents(
    ch,
    spans.map((s) => spanEvent({ project_id: project, trace_id: s.trace_id, span_id: s.span_id })),
  )
  await insertAssessments(
    ch,
    traces.map((t) => assessment({ project_id: project, trace_id: t.id })),
  )
  // The same trace id in another project is not touched.
  await insertSpans(ch, [
    span({ project_id: 'other', trace_id: traces[0]!.id, start_time: traces[0]!.start }),
  ])
})
afterAll(() => closeTestClickHouse(ch))

async function remaining(table: string, projectId = project): Promise<string[]> {
  const found = await rows<{ trace_id: string }>(
    ch,
    `SELECT DISTINCT trace_id FROM ${ch.database}.${table} WHERE project_id = {p:String} ORDER BY trace_id`,
    { p: projectId },
  )
  return found.map((r) => r.trace_id)
}

describe('deleteTraces', () => {
  it('deletes by id from every table, in the project only', async () => {
    const result = await deleteTraces(ch, project, [traces[0]!.id, 'f'.repeat(32)])
    expect(result).toEqual({ deleted: 1 })
    for (const table of ['spans', 'span_events', 'assessments', 'trace_index']) {
      expect(await remaining(table)).not.toContain(traces[0]!.id)
      expect(await remaining(table)).toHaveLength(5)
    }
    expect(await remaining('spans', 'other')).toEqual([traces[0]!.id])
  })

  it('deletes by age and filter, oldest first, and says whether more remain', async () => {
    const staging: FilterExpr = {
      type: 'compare',
      field: { name: 'environment' },
      op: '=',
      value: { kind: 'string', value: 'staging' },
      at: { offset: 0, line: 1, column: 1 },
    }
    const first = await deleteTracesOlderThan(ch, {
      projectId: project,
      olderThan: traces[5]!.start,
      filter: staging,
      maxTraces: 1,
    })
    expect(first).toEqual({ deleted: 1, more: true })
    const second = await deleteTracesOlderThan(ch, {
      projectId: project,
      olderThan: traces[5]!.start,
      filter: staging,
    })
    expect(second).toEqual({ deleted: 1, more: false })
    const left = await searchTraces(ch, { projectId: project, from: ns(0), to: ns(10n * HOUR), limit: 100 })
    expect(left.items.map((t) => t.trace_id).sort()).toEqual(
      [traces[2]!.id, traces[4]!.id, traces[5]!.id].sort(),
    )
  })
})
