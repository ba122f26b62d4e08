// Assessments on embedded ClickHouse: log with checks, override, delete, history, and duplicate-safe reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AssessmentRejected,
  type ClickHouse,
  deleteAssessment,
  insertAssessments,
  insertSpans,
  isAssessmentId,
  listAssessmentHistory,
  listAssessments,
  listCurrentAssessments,
  logAssessment,
  overrideAssessment,
} from '../../src/clickhouse/index.js'
import { assessment, span, spanId, traceId } from './fixtures.js'
import { closeTestClickHouse, openTestClickHouse, rows } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
})
afterAll(() => closeTestClickHouse(ch))

const project = 'p-assess'

async function newTrace(): Promise<{ trace: string; root: string }> {
  const trace = traceId()
  const root = span({ project_id: project, trace_id: trace })
  await insertSpans(ch, [root])
  return { trace, root: root.span_id }
}

async function rejection(promise: Promise<unknown>): Promise<AssessmentRejected> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AssessmentRejected)
  return error as AssessmentRejected
}

describe('logAssessment', () => {
  it('writes a row with defaults and a fresh id, on the trace or on one of its spans', async () => {
    const { trace, root } = await newTrace()
    const onTrace = await logAssessment(ch, {
      project_id: project,
      trace_id: trace,
      name: 'helpful',
      value: true,
    })
    const onSpan = await logAssessment(ch, {
      project_id: project,
      trace_id: trace,
      span_id: root,
      name: 'score',
      value: 0.5,
      rationale: 'half right',
      source_type: 'LLM_JUDGE',
      source_id: 'judge@2',
      run_id: 'run-1',
      metadata: { k: 'v' },
    })
    expect(isAssessmentId(onTrace.assessment_id)).toBe(true)
    expect(onTrace).toMatchObject({ type: 'feedback', source_type: 'HUMAN', span_id: '', valid: true })
    expect(await listCurrentAssessments(ch, project, trace)).toEqual([onTrace, onSpan])
  })

  it('refuses an unknown trace, a span of another trace, and a project that is not the trace’s', async () => {
    const { trace } = await newTrace()
    const other = await newTrace()
    const base = { project_id: project, name: 'helpful', value: true }
    expect((await rejection(logAssessment(ch, { ...base, trace_id: traceId() }))).reason).toBe(
      'trace_not_found',
    )
    const wrongSpan = await rejection(logAssessment(ch, { ...base, trace_id: trace, span_id: other.root }))
    expect(wrongSpan).toMatchObject({ reason: 'span_not_in_trace', field: 'span_id' })
    const elsewhere = await rejection(logAssessment(ch, { ...base, project_id: 'p-other', trace_id: trace }))
    expect(elsewhere.reason).toBe('trace_not_found')
  })

  it('refuses a value whose type differs from the name’s earlier values', async () => {
    const { trace } = await newTrace()
    const base = { project_id: project, trace_id: trace }
    await logAssessment(ch, { ...base, name: 'typed-bool', value: false })
    const error = await rejection(logAssessment(ch, { ...base, name: 'typed-bool', value: 3 }))
    expect(error).toMatchObject({ reason: 'value_type', field: 'value' })
    expect(error.message).toMatch(/boolean/)
    // The rule is per name and per project.
    await logAssessment(ch, { ...base, name: 'typed-other', value: 3 })
    const later = await newTrace()
    await logAssessment(ch, { project_id: project, trace_id: later.trace, name: 'typed-bool', value: true })
    // A failed judge carries no value: it is neither checked nor a precedent.
    await logAssessment(ch, { ...base, name: 'typed-new', value: '', error: 'judge timed out' })
    await logAssessment(ch, { ...base, name: 'typed-new', value: 0.9 })
  })
})

describe('overrideAssessment', () => {
  it('adds a successor, marks the old one not valid, and keeps the chain in the history', async () => {
    const { trace } = await newTrace()
    const first = await logAssessment(ch, {
      project_id: project,
      trace_id: trace,
      name: 'correct',
      value: false,
      source_type: 'LLM_JUDGE',
      source_id: 'judge@1',
      metadata: { m: '1' },
    })
    const second = await overrideAssessment(ch, {
      project_id: project,
      assessment_id: first.assessment_id,
      value: true,
      rationale: 'the judge misread the answer',
      source_id: 'alice',
    })
    expect(second).toMatchObject({
      overrides: first.assessment_id,
      name: 'correct',
      value: true,
      source_type: 'HUMAN',
      source_id: 'alice',
      metadata: { m: '1' },
      valid: true,
    })
    expect(await listCurrentAssessments(ch, project, trace)).toEqual([second])
    const history = await listAssessmentHistory(ch, project, trace)
    expect(history.map((a) => [a.assessment_id, a.valid, a.overridden_by, a.overrides])).toEqual([
      [first.assessment_id, false, second.assessment_id, ''],
      [second.assessment_id, true, '', first.assessment_id],
    ])
    expect(history[0]!.updated_at).toBeGreaterThanOrEqual(first.created_at)
  })

  it('overrides only the head of a chain, checks the type, and 404s what does not exist', async () => {
    const { trace } = await newTrace()
    const first = await logAssessment(ch, { project_id: project, trace_id: trace, name: 'stars', value: 2 })
    const second = await overrideAssessment(ch, {
      project_id: project,
      assessment_id: first.assessment_id,
      value: 4,
    })
    const again = await rejection(
      overrideAssessment(ch, { project_id: project, assessment_id: first.assessment_id, value: 5 }),
    )
    expect(again.reason).toBe('assessment_overridden')
    expect(again.message).toContain(second.assessment_id)
    const typed = await rejection(
      overrideAssessment(ch, { project_id: project, assessment_id: second.assessment_id, value: 'five' }),
    )
    expect(typed.reason).toBe('value_type')
    const missing = await rejection(
      overrideAssessment(ch, { project_id: project, assessment_id: 'a-00000000deadbeef', value: 1 }),
    )
    expect(missing.reason).toBe('assessment_not_found')
    const otherProject = await rejection(
      overrideAssessment(ch, { project_id: 'p-other', assessment_id: second.assessment_id, value: 1 }),
    )
    expect(otherProject.reason).toBe('assessment_not_found')
  })
})

describe('deleteAssessment', () => {
  it('marks the assessment deleted: lists leave it out, the history keeps it', async () => {
    const { trace } = await newTrace()
    const keep = await logAssessment(ch, {
      project_id: project,
      trace_id: trace,
      name: 'note',
      value: 'fine',
    })
    const gone = await logAssessment(ch, {
      project_id: project,
      trace_id: trace,
      name: 'note',
      value: 'oops',
    })
    const deleted = await deleteAssessment(ch, project, gone.assessment_id)
    expect(deleted).toMatchObject({ valid: false, deleted: true })
    expect(await listCurrentAssessments(ch, project, trace)).toEqual([keep])
    expect((await listAssessments(ch, project, trace)).map((a) => a.assessment_id)).toEqual([
      keep.assessment_id,
    ])
    const history = await listAssessmentHistory(ch, project, trace)
    expect(history.find((a) => a.assessment_id === gone.assessment_id)).toMatchObject({ deleted: true })
    // A second delete finds nothing to delete.
    expect((await rejection(deleteAssessment(ch, project, gone.assessment_id))).reason).toBe(
      'assessment_not_found',
    )
  })

  it('deletes the head of a chain only', async () => {
    const { trace } = await newTrace()
    const first = await logAssessment(ch, { project_id: project, trace_id: trace, name: 'ok', value: true })
    const second = await overrideAssessment(ch, {
      project_id: project,
      assessment_id: first.assessment_id,
      value: false,
    })
    expect((await rejection(deleteAssessment(ch, project, first.assessment_id))).reason).toBe(
      'assessment_overridden',
    )
    await deleteAssessment(ch, project, second.assessment_id)
    expect(await listCurrentAssessments(ch, project, trace)).toEqual([])
    expect(await listAssessmentHistory(ch, project, trace)).toHaveLength(2)
  })
})

describe('reads do not depend on merges', () => {
  it('a retried insert and unmerged state rows read the same before and after OPTIMIZE', async () => {
    const { trace } = await newTrace()
    const row = assessment({ project_id: project, trace_id: trace, name: 'merge', value: 1 })
    await insertAssessments(ch, [row])
    await insertAssessments(ch, [row]) // retried
    const next = await overrideAssessment(ch, {
      project_id: project,
      assessment_id: row.assessment_id,
      value: 2,
    })
    await deleteAssessment(ch, project, next.assessment_id)
    const [stored] = await rows<{ n: string }>(
      ch,
      `SELECT count() AS n FROM ${ch.database}.assessments WHERE trace_id = {t:String}`,
      { t: trace },
    )
    expect(Number(stored?.n)).toBe(5)
    const before = await listAssessmentHistory(ch, project, trace)
    expect(before.map((a) => [a.valid, a.deleted])).toEqual([
      [false, false],
      [false, true],
    ])
    await ch.client.command({ query: `OPTIMIZE TABLE ${ch.database}.assessments FINAL` })
    expect(await listAssessmentHistory(ch, project, trace)).toEqual(before)
  })

  it('spans of another trace id are not a target', async () => {
    const { trace } = await newTrace()
    const error = await rejection(
      logAssessment(ch, { project_id: project, trace_id: trace, span_id: spanId(), name: 'x', value: 1 }),
    )
    expect(error.field).toBe('span_id')
  })
})
