import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'
import { preview } from './exact-match.js'
import { requireExpected } from './expected-value.js'
import { textOf } from './json-text.js'

export interface ContainsOptions {
  name?: string
  /** The text (or texts) to look for instead of the item's expected value. */
  value?: string | readonly string[]
  /** Default false. */
  ignoreCase?: boolean
  /** With several texts: all must appear (default) or any one. */
  mode?: 'all' | 'any'
}

/** True when the output's text contains the expected text (or all / any of several). */
export function contains(options: ContainsOptions = {}): Scorer {
  const name = options.name ?? 'contains'
  const mode = options.mode ?? 'all'
  const fold = (s: string) => (options.ignoreCase ? s.toLowerCase() : s)
  return defineScorer(
    name,
    ({ outputs, expectations }) => {
      const wanted = requireExpected(options.value, expectations, name)
      const needles = (Array.isArray(wanted) ? wanted : [wanted]).map(textOf)
      if (needles.length === 0 || needles.some((n) => n === '')) {
        throw new Error(`${name}: the text to look for must not be empty`)
      }
      const haystack = fold(textOf(outputs))
      const missing = needles.filter((n) => !haystack.includes(fold(n)))
      const found = mode === 'all' ? missing.length === 0 : missing.length < needles.length
      return {
        value: found,
        rationale: found
          ? 'output contains the expected text'
          : `output lacks ${missing.map((m) => preview(m)).join(', ')}`,
      }
    },
    { sourceId: 'code:contains' },
  )
}
