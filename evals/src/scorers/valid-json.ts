import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'
import { jsonProblem } from './json-problem.js'

/**
 * True when the output is JSON: a string that parses as JSON, or a value
 * that is representable as JSON (no cycles, functions, BigInts, NaN).
 */
export function validJson(options: { name?: string } = {}): Scorer {
  return defineScorer(
    options.name ?? 'valid_json',
    ({ outputs }) => {
      if (typeof outputs === 'string') {
        try {
          JSON.parse(outputs)
          return { value: true, rationale: 'output parses as JSON' }
        } catch (error) {
          return { value: false, rationale: `output is not valid JSON: ${(error as Error).message}` }
        }
      }
      const problem = jsonProblem(outputs)
      return problem
        ? { value: false, rationale: `output is not representable as JSON: ${problem}` }
        : { value: true, rationale: 'output is a JSON value' }
    },
    { sourceId: 'code:valid_json' },
  )
}
