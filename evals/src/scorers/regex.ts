import { RE2JS } from 're2js'
import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'
import { textOf } from './json-text.js'

export interface RegexOptions {
  name?: string
  /** `i` (ignore case), `m` (multi-line anchors), `s` (dot matches newline). */
  flags?: string
  /** True (default): pass when the pattern matches. False: pass when it does not (a forbidden pattern). */
  shouldMatch?: boolean
}

/**
 * True when the pattern matches somewhere in the output's text. Patterns
 * run on RE2 (re2js): matching time is linear in the text whatever the
 * pattern, so a pattern from an evaluator saved through the API cannot
 * stall the server with catastrophic backtracking. RE2 has no lookaround
 * or backreferences; such a pattern is rejected here with a clear error.
 *
 * @example regex(/^\d{3}-\d{4}$/), regex('password', { flags: 'i', shouldMatch: false })
 */
export function regex(pattern: string | RegExp, options: RegexOptions = {}): Scorer {
  const name = options.name ?? 'regex'
  const source = pattern instanceof RegExp ? pattern.source : pattern
  const flags = options.flags ?? (pattern instanceof RegExp ? pattern.flags : '')
  if (typeof source !== 'string') throw new Error(`${name}: the pattern must be a string or a RegExp`)
  const compiled = compile(name, source, flags)
  const shouldMatch = options.shouldMatch ?? true
  return defineScorer(
    name,
    ({ outputs }) => {
      const matched = compiled.test(textOf(outputs))
      return {
        value: matched === shouldMatch,
        rationale: `pattern /${source}/ ${matched ? 'matches' : 'does not match'} the output`,
      }
    },
    { sourceId: 'code:regex' },
  )
}

function compile(name: string, source: string, flags: string): RE2JS {
  let bits = 0
  for (const flag of flags) {
    if (flag === 'i') bits |= RE2JS.CASE_INSENSITIVE
    else if (flag === 'm') bits |= RE2JS.MULTILINE
    else if (flag === 's') bits |= RE2JS.DOTALL
    // Global, sticky, unicode and indices flags change how JS iterates matches, not whether one exists.
    else if (!'gyud'.includes(flag))
      throw new Error(`${name}: unsupported regex flag "${flag}" (use i, m, s)`)
  }
  try {
    return RE2JS.compile(source, bits)
  } catch (error) {
    throw new Error(`${name}: invalid pattern /${source}/: ${(error as Error).message}`)
  }
}
