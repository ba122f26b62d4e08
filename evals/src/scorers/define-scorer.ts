import type { AssessmentValue } from '@assay/core'
import type { EvalItem, ScoreContext, ScoreResult, Scorer } from '../types.js'

/** What a scorer function may return. */
export type ScorerOutput =
  | AssessmentValue
  | { value: AssessmentValue; rationale?: string; passed?: boolean | null }

export type ScorerFunction = (item: EvalItem, context: ScoreContext) => ScorerOutput | Promise<ScorerOutput>

export interface DefineScorerOptions {
  /** Numeric values at or above pass. Booleans pass when true; strings have no pass/fail. */
  passThreshold?: number | null
  /** Default `code:<name>`. */
  sourceId?: string
}

/**
 * A code scorer from a plain function. It may return a number, a boolean,
 * a string (a category), or `{ value, rationale, passed? }` (an explicit
 * `passed` wins over the threshold), synchronously or not. A throw, or a
 * return of anything else, becomes a result with `error`.
 *
 * @example
 * const short = defineScorer('short', ({ outputs }) => String(outputs).length < 200)
 * const words = defineScorer('word_count', ({ outputs }) => String(outputs).split(/\s+/).length, { passThreshold: 5 })
 */
export function defineScorer(name: string, fn: ScorerFunction, options: DefineScorerOptions = {}): Scorer {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('a scorer needs a non-empty name')
  if (typeof fn !== 'function') throw new Error(`scorer ${name}: expected a function`)
  const passThreshold = options.passThreshold ?? null
  if (passThreshold !== null && !Number.isFinite(passThreshold)) {
    throw new Error(`scorer ${name}: passThreshold must be a finite number`)
  }
  const base = { name, sourceType: 'CODE' as const, sourceId: options.sourceId ?? `code:${name}` }
  const failure = (error: string): ScoreResult => ({
    ...base,
    value: null,
    rationale: '',
    passed: null,
    error,
  })
  return {
    name,
    kind: 'code',
    async score(item, context = {}) {
      let output: ScorerOutput
      try {
        output = await fn(item, context)
      } catch (error) {
        return failure(`scorer threw: ${error instanceof Error ? error.message : String(error)}`)
      }
      const read = readOutput(output, passThreshold)
      return typeof read === 'string' ? failure(read) : { ...base, ...read, error: null }
    },
  }
}

/** The result fields for a returned output, or the reason it is not a usable one. */
function readOutput(
  output: ScorerOutput,
  passThreshold: number | null,
): { value: AssessmentValue; rationale: string; passed: boolean | null } | string {
  const wrapped = typeof output === 'object' && output !== null && !Array.isArray(output)
  const value = wrapped ? (output as { value?: unknown }).value : output
  if (typeof value === 'number' && !Number.isFinite(value))
    return `scorer returned a non-finite number (${value})`
  if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') {
    const what =
      wrapped && !Object.hasOwn(output as object, 'value') ? 'an object without a value' : describe(value)
    return `scorer returned ${what}; return a number, a boolean, a string or { value, rationale }`
  }
  const rationale = wrapped ? (output as { rationale?: unknown }).rationale : undefined
  const explicit = wrapped ? (output as { passed?: unknown }).passed : undefined
  if (explicit !== undefined && explicit !== null && typeof explicit !== 'boolean') {
    return 'scorer returned a non-boolean passed'
  }
  return {
    value,
    rationale: typeof rationale === 'string' ? rationale : rationale === undefined ? '' : String(rationale),
    passed:
      typeof explicit === 'boolean' || explicit === null ? explicit : derivedPassed(value, passThreshold),
  }
}

function derivedPassed(value: AssessmentValue, passThreshold: number | null): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number' && passThreshold !== null) return value >= passThreshold
  return null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : String(typeof value)
}
