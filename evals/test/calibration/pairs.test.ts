import type { Assessment } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { calibrate, calibrationPairs } from '../../src/index.js'

let next = 0
const T1 = '1'.repeat(32)
const T2 = '2'.repeat(32)
const T3 = '3'.repeat(32)

function assessment(fields: Partial<Assessment>): Assessment {
  next++
  return {
    assessment_id: `a${String(next).padStart(4, '0')}`,
    project_id: 'p1',
    trace_id: T1,
    span_id: '',
    type: 'feedback',
    name: 'correctness',
    value: 1,
    rationale: '',
    source_type: 'HUMAN',
    source_id: 'alice',
    run_id: '',
    overrides: '',
    valid: true,
    error: '',
    metadata: {},
    created_at: 1_000 + next,
    ...fields,
  }
}

const judge = (fields: Partial<Assessment>) =>
  assessment({ source_type: 'LLM_JUDGE', source_id: 'judge:correctness@1', ...fields })

describe('calibrationPairs', () => {
  it('pairs the latest valid human label with each judge, per trace, span and name', () => {
    const rows = [
      assessment({ trace_id: T1, value: 0 }),
      assessment({ trace_id: T1, value: 1 }), // the latest human label on T1 wins
      judge({ trace_id: T1, value: 1 }),
      judge({ trace_id: T1, value: 1, source_id: 'judge:correctness@2' }),
      assessment({ trace_id: T2, value: 1 }),
      assessment({ trace_id: T2, value: 0, valid: false }), // overridden: ignored
      judge({ trace_id: T2, value: 0 }),
      judge({ trace_id: T2, value: 1 }), // the same judge again on T2: its latest counts, once
      assessment({ trace_id: T3, value: 1 }),
      judge({ trace_id: T3, value: 0, error: 'timeout' }), // failed judge: no pair
      judge({ trace_id: T3, value: 1, name: 'relevance' }), // no human label for relevance on T3
      judge({ trace_id: T3, span_id: 'a'.repeat(16), value: 1 }), // a span, not the trace: no human label there
      assessment({ trace_id: T3, value: 'x', type: 'expectation' }), // expectations are ground truth, not labels
    ]
    const groups = calibrationPairs(rows)
    expect(groups.map((g) => [g.sourceId, g.name, g.pairs.length])).toEqual([
      ['judge:correctness@1', 'correctness', 2],
      ['judge:correctness@2', 'correctness', 1],
    ])
    expect(groups[0]!.pairs).toEqual([
      { traceId: T1, spanId: '', human: 1, judge: 1 },
      { traceId: T2, spanId: '', human: 1, judge: 1 },
    ])
    expect(calibrate(groups[0]!.pairs).agreement).toBe(1)
  })

  it('ignores code scorer assessments and returns nothing without humans', () => {
    expect(
      calibrationPairs([judge({}), assessment({ source_type: 'CODE', source_id: 'code:exact_match' })]),
    ).toEqual([])
  })
})
