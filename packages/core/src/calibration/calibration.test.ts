// Calibration numbers against ones computed by hand.
import { describe, expect, it } from 'vitest'
import type { AssessmentValue } from '../assessment.js'
import { agreementOf } from './agreement.js'
import { type CalibrationInput, type CalibrationPair, pairsBySource } from './pairs.js'

/** `count` pairs of (human, judge). */
function cells(...groups: [AssessmentValue, AssessmentValue, number][]): CalibrationPair[] {
  return groups.flatMap(([human, judge, count]) =>
    Array.from({ length: count }, (_, i) => ({ traceId: `${human}-${judge}-${i}`, human, judge })),
  )
}

describe('agreementOf', () => {
  it('matches a hand-computed Cohen’s kappa and rates on a binary set', () => {
    // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no. p_o = 0.7, p_e = (25·30 + 25·20)/50² = 0.5.
    const a = agreementOf(cells([true, true, 20], [true, false, 5], [false, true, 10], [false, false, 15]))
    expect(a.n).toBe(50)
    expect(a.agreement).toBeCloseTo(0.7, 12)
    expect(a.kappa).toBeCloseTo(0.4, 12)
    expect(a.weightedKappa).toBeCloseTo(0.4, 12)
    expect(a.tpr).toBeCloseTo(0.8, 12)
    expect(a.fpr).toBeCloseTo(0.4, 12)
    expect(a.confusion).toEqual({
      labels: ['false', 'true'],
      matrix: [
        [15, 10],
        [5, 20],
      ],
    })
  })

  it('weights near misses less on an ordinal scale (quadratic weights)', () => {
    // Rows (human) 1,2,3: [2 1 0] [0 2 1] [0 0 2]. κ = (6/8 − 21/64)/(1 − 21/64) = 27/43; κw = 1 − 0.5/2.5625 = 33/41.
    const a = agreementOf(cells([1, 1, 2], [1, 2, 1], [2, 2, 2], [2, 3, 1], [3, 3, 2]), { threshold: 2 })
    expect(a.kappa).toBeCloseTo(27 / 43, 12)
    expect(a.weightedKappa).toBeCloseTo(33 / 41, 12)
    expect(a.confusion.labels).toEqual(['1', '2', '3'])
    // Positive at 2 and above: human positives 5, all judged positive; human negatives 3, one judged positive.
    expect(a.tpr).toBeCloseTo(1, 12)
    expect(a.fpr).toBeCloseTo(1 / 3, 12)
  })

  it('has no weighted kappa or rates on a text scale unless told the positive class', () => {
    const pairs = cells(['good', 'good', 3], ['bad', 'good', 1], ['bad', 'bad', 2])
    expect(agreementOf(pairs)).toMatchObject({ weightedKappa: null, tpr: null, fpr: null })
    expect(agreementOf(pairs, { positive: 'good' })).toMatchObject({ tpr: 1, fpr: 1 / 3 })
  })

  it('answers null where a number is undefined', () => {
    expect(agreementOf([])).toMatchObject({ n: 0, agreement: null, kappa: null, tpr: null })
    // One label only: chance agreement is total.
    expect(agreementOf(cells([true, true, 4]))).toMatchObject({
      agreement: 1,
      kappa: null,
      fpr: null,
      tpr: 1,
    })
  })
})

describe('pairsBySource', () => {
  const at = (
    trace: string,
    source: CalibrationInput['source_type'],
    id: string,
    value: AssessmentValue,
    t: number,
    error = '',
  ) =>
    ({
      trace_id: trace,
      value,
      source_type: source,
      source_id: id,
      error,
      created_at: t,
    }) satisfies CalibrationInput

  it('pairs each judge’s latest verdict with the latest human label of the trace', () => {
    const pairs = pairsBySource([
      at('t1', 'HUMAN', 'ann', false, 1),
      at('t1', 'HUMAN', 'bob', true, 2),
      at('t1', 'LLM_JUDGE', 'judge:h@1', false, 1),
      at('t1', 'LLM_JUDGE', 'judge:h@2', true, 1),
      at('t2', 'LLM_JUDGE', 'judge:h@1', true, 1),
      at('t3', 'HUMAN', 'ann', true, 1),
      at('t3', 'LLM_JUDGE', 'judge:h@1', true, 1),
      at('t3', 'LLM_JUDGE', 'judge:h@1', false, 5, 'model timed out'),
    ])
    expect(Object.fromEntries(pairs)).toEqual({
      'judge:h@1': [
        { traceId: 't1', human: true, judge: false },
        { traceId: 't3', human: true, judge: true },
      ],
      'judge:h@2': [{ traceId: 't1', human: true, judge: true }],
    })
  })
})
