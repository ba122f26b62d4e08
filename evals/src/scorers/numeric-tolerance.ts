import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'
import { preview } from './exact-match.js'
import { requireExpected } from './expected-value.js'

export interface NumericToleranceOptions {
  name?: string
  expected?: number
  /** Largest allowed absolute difference. Default 0 (unless `relative` is given). */
  tolerance?: number
  /** Largest allowed difference as a fraction of the expected value, e.g. 0.01 for 1%. */
  relative?: number
}

/**
 * True when the output is a number (or a numeric string) within the
 * tolerance of the expected number: `|output - expected| <= tolerance`, or
 * `<= relative * |expected|`, whichever allows more.
 */
export function numericTolerance(options: NumericToleranceOptions = {}): Scorer {
  const name = options.name ?? 'numeric_tolerance'
  const tolerance = options.tolerance ?? 0
  const relative = options.relative ?? 0
  if (!(tolerance >= 0) || !Number.isFinite(tolerance) || !(relative >= 0) || !Number.isFinite(relative)) {
    throw new Error(`${name}: tolerance and relative must be finite numbers >= 0`)
  }
  return defineScorer(
    name,
    ({ outputs, expectations }) => {
      const expected = toNumber(requireExpected(options.expected, expectations, name))
      if (expected === undefined) throw new Error(`${name}: the expected value is not a number`)
      const actual = toNumber(outputs)
      if (actual === undefined)
        return { value: false, rationale: `output ${preview(outputs)} is not a number` }
      const difference = Math.abs(actual - expected)
      const allowed = Math.max(tolerance, relative * Math.abs(expected))
      const within = difference <= allowed
      return {
        value: within,
        rationale: `|${actual} - ${expected}| = ${difference} ${within ? '<=' : '>'} ${allowed}`,
      }
    },
    { sourceId: 'code:numeric_tolerance' },
  )
}

function toNumber(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.trim())
        : Number.NaN
  return Number.isFinite(n) ? n : undefined
}
