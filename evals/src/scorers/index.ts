// Code scorers: no model needed. Each is a function returning a fresh Scorer.
import { contains } from './contains.js'
import { exactMatch } from './exact-match.js'
import { jsonSchema } from './json-schema.js'
import { cost, latency } from './limits.js'
import { numericTolerance } from './numeric-tolerance.js'
import { regex } from './regex.js'
import { similarity } from './similarity.js'
import { validJson } from './valid-json.js'

export type { ContainsOptions } from './contains.js'
export {
  type DefineScorerOptions,
  defineScorer,
  type ScorerFunction,
  type ScorerOutput,
} from './define-scorer.js'
export type { ExactMatchOptions } from './exact-match.js'
export { type Expected, expectedValue } from './expected-value.js'
export type { JsonSchemaOptions } from './json-schema.js'
export type { NumericToleranceOptions } from './numeric-tolerance.js'
export type { RegexOptions } from './regex.js'
export type { SimilarityOptions } from './similarity.js'

/**
 * @example
 * const suiteScorers = [scorers.exactMatch(), scorers.jsonSchema({ type: 'object' }), scorers.latency({ maxMs: 2000 })]
 */
export const scorers = {
  exactMatch,
  contains,
  regex,
  validJson,
  jsonSchema,
  numericTolerance,
  similarity,
  latency,
  cost,
}
