import type { AssessmentValue } from '@assay/core'

/**
 * The labels of a rating scale in order. Values are compared by type and
 * value (`1`, `'1'` and `true` are three labels). Without explicit labels
 * the scale is the values seen: numbers ascending (an ordinal scale),
 * then booleans (false before true), then strings alphabetically.
 */
export interface Scale {
  labels: AssessmentValue[]
  /** Numbers, or labels given in order: disagreements have a size, so weighted kappa applies. */
  ordinal: boolean
  indexOf(value: AssessmentValue): number
}

export function labelKey(value: AssessmentValue): string {
  return `${typeof value}:${String(value)}`
}

export function buildScale(values: readonly AssessmentValue[], given?: readonly AssessmentValue[]): Scale {
  const labels = given ? [...given] : inferLabels(values)
  const index = new Map<string, number>()
  labels.forEach((label, i) => {
    const key = labelKey(label)
    if (index.has(key)) throw new Error(`calibration label ${JSON.stringify(label)} is listed twice`)
    index.set(key, i)
  })
  for (const value of values) {
    if (!index.has(labelKey(value))) {
      throw new Error(`value ${JSON.stringify(value)} is not one of the labels ${JSON.stringify(labels)}`)
    }
  }
  return {
    labels,
    ordinal: given !== undefined || (labels.length > 0 && labels.every((l) => typeof l === 'number')),
    indexOf: (value) => index.get(labelKey(value)) ?? -1,
  }
}

function inferLabels(values: readonly AssessmentValue[]): AssessmentValue[] {
  const unique = new Map<string, AssessmentValue>()
  for (const value of values) unique.set(labelKey(value), value)
  const rank = (v: AssessmentValue) => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2)
  return [...unique.values()].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b)
    if (typeof a === 'number' && typeof b === 'number') return a - b
    if (typeof a === 'boolean') return Number(a) - Number(b)
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
  })
}
