/**
 * Agreement between a human and a judge over the same items: the confusion
 * table, observed agreement, Cohen's kappa (agreement beyond chance),
 * weighted kappa for ordinal scales (numbers and booleans, quadratic
 * weights: a near miss costs less than a far one), and, when a positive
 * class is known, true and false positive rates with the human as truth.
 */
import type { AssessmentValue } from '../assessment.js'
import type { CalibrationPair } from './pairs.js'

export interface Confusion {
  /** Labels in scale order (numbers ascending, false before true, else text order). */
  labels: string[]
  /** `matrix[i][j]`: items the human labelled `labels[i]` and the judge `labels[j]`. */
  matrix: number[][]
}

export interface Agreement {
  n: number
  /** Share of items where both gave the same label; null without items. */
  agreement: number | null
  /** Null when undefined: no items, or chance agreement is already total (one label only). */
  kappa: number | null
  /** Null for a nominal (text) scale, or when undefined. */
  weightedKappa: number | null
  /** Judge positive among human positives; null without a positive class or without human positives. */
  tpr: number | null
  /** Judge positive among human negatives; null without a positive class or without human negatives. */
  fpr: number | null
  confusion: Confusion
}

export interface AgreementOptions {
  /** Numeric values at or above this are positive. */
  threshold?: number
  /** This category is positive (text scales). Booleans: `true` is positive without either option. */
  positive?: string
}

const label = (v: AssessmentValue) => String(v)

export function agreementOf(pairs: readonly CalibrationPair[], options: AgreementOptions = {}): Agreement {
  const values = pairs.flatMap((p) => [p.human, p.judge])
  const ordinal = values.length > 0 && values.every((v) => typeof v === 'number' || typeof v === 'boolean')
  const labels = scaleOrder(values)
  const index = new Map(labels.map((l, i) => [l, i]))
  const matrix = labels.map(() => labels.map(() => 0))
  for (const p of pairs) matrix[index.get(label(p.human))!]![index.get(label(p.judge))!]! += 1
  const n = pairs.length
  const rates = positiveRates(pairs, options)
  return {
    n,
    agreement: n === 0 ? null : labels.reduce((sum, _, i) => sum + matrix[i]![i]!, 0) / n,
    kappa: kappaOf(matrix, (i, j) => (i === j ? 0 : 1)),
    weightedKappa: ordinal
      ? kappaOf(matrix, (i, j) => ((i - j) / Math.max(labels.length - 1, 1)) ** 2)
      : null,
    tpr: rates.tpr,
    fpr: rates.fpr,
    confusion: { labels, matrix },
  }
}

/**
 * Kappa from disagreement weights: 1 - Σ w·observed / Σ w·expected, where
 * expected comes from the two raters' marginals. With 0/1 weights this is
 * Cohen's (p_o - p_e) / (1 - p_e).
 */
function kappaOf(matrix: number[][], weight: (i: number, j: number) => number): number | null {
  const k = matrix.length
  const n = matrix.flat().reduce((a, b) => a + b, 0)
  if (n === 0) return null
  const rows = matrix.map((row) => row.reduce((a, b) => a + b, 0))
  const cols = matrix[0]!.map((_, j) => matrix.reduce((sum, row) => sum + row[j]!, 0))
  let observed = 0
  let expected = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += weight(i, j) * matrix[i]![j]!
      expected += (weight(i, j) * rows[i]! * cols[j]!) / n
    }
  }
  return expected === 0 ? null : 1 - observed / expected
}

function positiveRates(pairs: readonly CalibrationPair[], options: AgreementOptions) {
  const isPositive = positiveTest(pairs, options)
  if (!isPositive) return { tpr: null, fpr: null }
  let tp = 0
  let fn = 0
  let fp = 0
  let tn = 0
  for (const p of pairs) {
    const judged = isPositive(p.judge)
    if (isPositive(p.human)) judged ? tp++ : fn++
    else judged ? fp++ : tn++
  }
  return { tpr: tp + fn === 0 ? null : tp / (tp + fn), fpr: fp + tn === 0 ? null : fp / (fp + tn) }
}

function positiveTest(pairs: readonly CalibrationPair[], options: AgreementOptions) {
  const { threshold, positive } = options
  if (threshold !== undefined) return (v: AssessmentValue) => typeof v === 'number' && v >= threshold
  if (positive !== undefined) return (v: AssessmentValue) => label(v) === positive
  const boolean =
    pairs.length > 0 && pairs.every((p) => typeof p.human === 'boolean' && typeof p.judge === 'boolean')
  return boolean ? (v: AssessmentValue) => v === true : undefined
}

function scaleOrder(values: AssessmentValue[]): string[] {
  const unique = [...new Map(values.map((v) => [label(v), v])).values()]
  const rank = (v: AssessmentValue) => (typeof v === 'boolean' ? Number(v) : v)
  return unique
    .sort((a, b) => {
      const x = rank(a)
      const y = rank(b)
      if (typeof x === 'number' && typeof y === 'number') return x - y
      return label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0
    })
    .map(label)
}
