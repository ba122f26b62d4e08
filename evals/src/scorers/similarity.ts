import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'
import { diceSimilarity } from './dice-similarity.js'
import { requireExpected } from './expected-value.js'
import { textOf } from './json-text.js'

export interface SimilarityOptions {
  name?: string
  expected?: string
  /** Pass at or above this similarity. Default 0.8. */
  threshold?: number
  /** Compare case-insensitively. Default true. */
  ignoreCase?: boolean
}

/**
 * The similarity (0..1) of the output's text to the expected text: the
 * Dice coefficient of character bigrams after collapsing whitespace (see
 * `dice-similarity.ts`). Passes at or above `threshold`.
 */
export function similarity(options: SimilarityOptions = {}): Scorer {
  const name = options.name ?? 'similarity'
  const threshold = options.threshold ?? 0.8
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new Error(`${name}: threshold must be between 0 and 1`)
  }
  const normalize = (s: string) => {
    const t = s.replace(/\s+/g, ' ').trim()
    return options.ignoreCase === false ? t : t.toLowerCase()
  }
  return defineScorer(
    name,
    ({ outputs, expectations }) => {
      const expected = normalize(textOf(requireExpected(options.expected, expectations, name)))
      const value = Math.round(diceSimilarity(normalize(textOf(outputs)), expected) * 10_000) / 10_000
      return {
        value,
        rationale: `similarity ${value} ${value >= threshold ? '>=' : '<'} threshold ${threshold}`,
      }
    },
    { passThreshold: threshold, sourceId: 'code:similarity' },
  )
}
