import { describe, expect, it } from 'vitest'
import { type CalibrationPair, calibrate } from '../../src/index.js'

/** `count` pairs with the given human and judge values. */
const repeat = (count: number, human: CalibrationPair['human'], judge: CalibrationPair['judge']) =>
  Array.from({ length: count }, () => ({ human, judge }))

describe('calibrate', () => {
  it('matches a hand-computed kappa on a binary scale', () => {
    // human\judge   true  false
    //   true          4     1      row 5
    //   false         2     3      row 5
    //   col           6     4      n = 10
    // p_o = (4 + 3) / 10 = 0.7
    // p_e = (5/10)(6/10) + (5/10)(4/10) = 0.30 + 0.20 = 0.5
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    // TPR = 4 / 5 = 0.8 (humans said true, judge agreed); FPR = 2 / 5 = 0.4
    const pairs = [
      ...repeat(4, true, true),
      ...repeat(1, true, false),
      ...repeat(2, false, true),
      ...repeat(3, false, false),
    ]
    const result = calibrate(pairs)
    expect(result.n).toBe(10)
    expect(result.agreement).toBeCloseTo(0.7, 12)
    expect(result.kappa).toBeCloseTo(0.4, 12)
    expect(result.truePositiveRate).toBeCloseTo(0.8, 12)
    expect(result.falsePositiveRate).toBeCloseTo(0.4, 12)
    expect(result.weightedKappa).toBeNull() // booleans without explicit labels: not ordinal
    expect(result.confusion).toEqual({
      labels: [false, true],
      matrix: [
        [3, 2],
        [1, 4],
      ],
    })
  })

  it('matches hand-computed kappa and linearly weighted kappa on an ordinal scale', () => {
    // labels bad < ok < good; rows human, columns judge:
    //          bad  ok  good   row
    //   bad     3    1    0     4
    //   ok      1    2    1     4
    //   good    0    1    3     4
    //   col     4    4    4     n = 12
    // Unweighted: p_o = 8/12 = 2/3; p_e = 3 * (4/12)(4/12) = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5
    // Linear weights w = 1 - |i-j|/2: 1 on the diagonal, 0.5 one step off, 0 two steps off.
    // p_o(w) = (8*1 + 4*0.5 + 0*0) / 12 = 10/12 = 5/6
    // p_e(w) = sum_ij w_ij (1/3)(1/3) = (3*1 + 4*0.5 + 2*0) / 9 = 5/9
    // weighted kappa = (5/6 - 5/9) / (1 - 5/9) = (5/18) / (8/18) = 5/8 = 0.625
    const pairs = [
      ...repeat(3, 'bad', 'bad'),
      ...repeat(1, 'bad', 'ok'),
      ...repeat(1, 'ok', 'bad'),
      ...repeat(2, 'ok', 'ok'),
      ...repeat(1, 'ok', 'good'),
      ...repeat(1, 'good', 'ok'),
      ...repeat(3, 'good', 'good'),
    ]
    const result = calibrate(pairs, { labels: ['bad', 'ok', 'good'], positive: 'good' })
    expect(result.kappa).toBeCloseTo(0.5, 12)
    expect(result.weightedKappa).toBeCloseTo(0.625, 12)
    expect(result.agreement).toBeCloseTo(8 / 12, 12)
    // TPR = 3/4; FPR = (0 + 1) / 8
    expect(result.truePositiveRate).toBeCloseTo(0.75, 12)
    expect(result.falsePositiveRate).toBeCloseTo(0.125, 12)
    expect(result.confusion.matrix).toEqual([
      [3, 1, 0],
      [1, 2, 1],
      [0, 1, 3],
    ])
  })

  it('treats judge scores as an ordinal numeric scale', () => {
    // human\judge   0   0.5   1
    //   0           2    0    0   row 2
    //   0.5         0    0    1   row 1
    //   1           0    0    1   row 1
    //   col         2    0    2   n = 4
    // p_o = 3/4; p_e = (2/4)(2/4) + 0 + (1/4)(2/4) = 1/4 + 1/8 = 3/8; kappa = (3/4 - 3/8)/(5/8) = 0.6
    // Linear weights (k = 3): p_o(w) = (3*1 + 1*0.5)/4 = 7/8
    // p_e(w) = sum w_ij r_i c_j / 16 with r = (2,1,1), c = (2,0,2):
    //   i=0: w00*2*2 + w02*2*2 = 4 + 0 = 4;  i=1: w10*1*2 + w12*1*2 = 1 + 1 = 2;  i=2: w20*1*2 + w22*1*2 = 0 + 2 = 2
    //   = 8/16 = 1/2;  weighted kappa = (7/8 - 1/2) / (1/2) = 0.75
    const pairs = [...repeat(2, 0, 0), { human: 0.5, judge: 1 }, { human: 1, judge: 1 }]
    const result = calibrate(pairs)
    expect(result.confusion.labels).toEqual([0, 0.5, 1])
    expect(result.kappa).toBeCloseTo(0.6, 12)
    expect(result.weightedKappa).toBeCloseTo(0.75, 12)
    expect(result.truePositiveRate).toBeNull() // no positive label on a numeric scale unless given
    expect(calibrate(pairs, { positive: 1 }).truePositiveRate).toBe(1)
  })

  it('gives null where a statistic is undefined', () => {
    expect(calibrate([])).toMatchObject({ n: 0, agreement: null, kappa: null, truePositiveRate: null })
    const unanimous = calibrate(repeat(5, 'yes', 'yes'))
    expect(unanimous.agreement).toBe(1)
    expect(unanimous.kappa).toBeNull() // p_e = 1: chance already explains everything
    expect(
      calibrate([
        { human: 'a', judge: 'a' },
        { human: 'b', judge: 'b' },
      ]).kappa,
    ).toBe(1)
  })

  it('rejects values outside the given labels and an unknown positive label', () => {
    expect(() => calibrate([{ human: 'maybe', judge: 'yes' }], { labels: ['no', 'yes'] })).toThrow(
      /"maybe" is not one of the labels/,
    )
    expect(() => calibrate([{ human: 'no', judge: 'yes' }], { positive: 'pass' })).toThrow(
      /positive label "pass"/,
    )
  })

  it('keeps 1, "1" and true apart', () => {
    const result = calibrate([
      { human: 1, judge: '1' },
      { human: true, judge: 1 },
    ])
    expect(result.confusion.labels).toEqual([1, true, '1'])
    expect(result.agreement).toBe(0)
  })
})
