import type { Scorer } from '../types.js'
import { deepEqual } from './deep-equal.js'
import { defineScorer } from './define-scorer.js'
import { requireExpected } from './expected-value.js'
import { textOf } from './json-text.js'

export interface ExactMatchOptions {
  name?: string
  /** Compare against this instead of the item's expectations. */
  expected?: unknown
  /** Strings only. Default false. */
  ignoreCase?: boolean
  /** Trim surrounding whitespace of strings. Default true. */
  trim?: boolean
}

/**
 * True when the output equals the expected value. Strings compare as text
 * (trimmed, optionally case-insensitively); structured values compare
 * structurally (key order does not matter); a string against a structured
 * value is parsed as JSON first, so `"42"` matches `42` and `'{"a":1}'`
 * matches `{ a: 1 }`.
 */
export function exactMatch(options: ExactMatchOptions = {}): Scorer {
  const name = options.name ?? 'exact_match'
  const normalize = (s: string) => {
    const t = options.trim === false ? s : s.trim()
    return options.ignoreCase ? t.toLowerCase() : t
  }
  return defineScorer(
    name,
    ({ outputs, expectations }) => {
      const expected = requireExpected(options.expected, expectations, name)
      const equal = matches(outputs, expected, normalize)
      return {
        value: equal,
        rationale: equal
          ? 'output equals the expected value'
          : `expected ${preview(expected)}, got ${preview(outputs)}`,
      }
    },
    { sourceId: 'code:exact_match' },
  )
}

function matches(output: unknown, expected: unknown, normalize: (s: string) => string): boolean {
  if (typeof output === 'string' && typeof expected === 'string')
    return normalize(output) === normalize(expected)
  if (typeof output === 'string') return deepEqual(parsed(output), expected)
  if (typeof expected === 'string') return deepEqual(output, parsed(expected))
  return deepEqual(output, expected)
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function preview(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : textOf(value) || String(value)
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text
}
