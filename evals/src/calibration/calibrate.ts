import type { AssessmentValue } from '@assay/core'
import { cohensKappa, linearWeights } from './kappa.js'
import { buildScale } from './scale.js'

export interface CalibrationPair {
  human: AssessmentValue
  judge: AssessmentValue
}

export interface CalibrateOptions {
  /** The scale's labels in order (an ordinal scale: weighted kappa applies). Default: the values seen. */
  labels?: readonly AssessmentValue[]
  /** The label that means "pass" for true/false positive rates. Default `true` on a boolean scale, else none. */
  positive?: AssessmentValue
}

export interface Calibration {
  n: number
  /** Share of pairs where judge and human agree exactly; null without pairs. */
  agreement: number | null
  kappa: number | null
  /** Linearly weighted kappa on an ordinal scale (explicit labels, or numbers); null otherwise. */
  weightedKappa: number | null
  /** Of the items humans rated positive, the share the judge rated positive too. */
  truePositiveRate: number | null
  /** Of the items humans rated otherwise, the share the judge rated positive. */
  falsePositiveRate: number | null
  /** `matrix[h][j]`: pairs where the human gave `labels[h]` and the judge `labels[j]`. */
  confusion: { labels: AssessmentValue[]; matrix: number[][] }
}

/**
 * How well a judge agrees with human labels on the same items. Judges'
 * values are their scores (e.g. 1 / 0.5 / 0), so human labels must be on
 * the same scale; map them first if they are not.
 *
 * @example
 * calibrate([{ human: true, judge: true }, { human: false, judge: true }]).kappa
 */
export function calibrate(pairs: readonly CalibrationPair[], options: CalibrateOptions = {}): Calibration {
  const values = pairs.flatMap((p) => [p.human, p.judge])
  const scale = buildScale(values, options.labels)
  const k = scale.labels.length
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  for (const { human, judge } of pairs) matrix[scale.indexOf(human)]![scale.indexOf(judge)]!++
  const n = pairs.length
  const agreed = matrix.reduce((sum, row, i) => sum + row[i]!, 0)
  const positive = options.positive ?? (scale.labels.some((l) => typeof l === 'boolean') ? true : undefined)
  const rates =
    positive === undefined ? { tpr: null, fpr: null } : positiveRates(matrix, scale.indexOf(positive))
  if (positive !== undefined && options.positive !== undefined && scale.indexOf(positive) < 0) {
    throw new Error(`positive label ${JSON.stringify(positive)} is not one of the labels`)
  }
  return {
    n,
    agreement: n === 0 ? null : agreed / n,
    kappa: cohensKappa(matrix),
    weightedKappa: scale.ordinal ? cohensKappa(matrix, linearWeights(k)) : null,
    truePositiveRate: rates.tpr,
    falsePositiveRate: rates.fpr,
    confusion: { labels: scale.labels, matrix },
  }
}

function positiveRates(matrix: number[][], p: number): { tpr: number | null; fpr: number | null } {
  if (p < 0) return { tpr: null, fpr: null }
  const humanPositive = matrix[p]!.reduce((a, b) => a + b, 0)
  let humanNegative = 0
  let falsePositives = 0
  matrix.forEach((row, i) => {
    if (i === p) return
    humanNegative += row.reduce((a, b) => a + b, 0)
    falsePositives += row[p]!
  })
  return {
    tpr: humanPositive === 0 ? null : matrix[p]![p]! / humanPositive,
    fpr: humanNegative === 0 ? null : falsePositives / humanNegative,
  }
}
