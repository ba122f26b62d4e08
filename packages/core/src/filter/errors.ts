/**
 * The filter language's one error type. Every problem with a filter (lexing,
 * syntax, unknown field, wrong type, limits) is a FilterError carrying where
 * it happened and what would have been accepted there, so that the API can
 * answer a 400 that points at the spot and the dashboard can underline it.
 *
 * The message reads `<what> at <line>:<column>[ — <hint>]`, e.g.
 * `unknown field 'span.knd' at 1:1 — did you mean 'span.kind'?`.
 */
import type { FilterField } from './fields.js'
import { type FilterPosition, formatPosition } from './position.js'

/**
 * What the parser was looking for, in machine form: the suggestion engine
 * completes from it, so suggestions and error messages never disagree.
 */
export type Expectation =
  | { kind: 'operand' }
  /** `negated`: after `<field> NOT`, only LIKE, ILIKE and IN may follow. */
  | { kind: 'operator'; field: FilterField; negated?: boolean }
  | { kind: 'value'; field: FilterField; key?: string; list: boolean }
  | { kind: 'listOpen' }
  | { kind: 'connective'; closeParen: boolean }

export class FilterError extends Error {
  override name = 'FilterError'
  /** The message without position and hint, e.g. `unknown field 'span.knd'`. */
  readonly reason: string

  constructor(
    reason: string,
    readonly position: FilterPosition,
    /** What would have been accepted here, for people: `['=', '!=', 'IN']`, `['a field', 'NOT', '(']`. */
    readonly expected: string[] = [],
    readonly hint?: string,
    readonly expectation?: Expectation,
  ) {
    super(`${reason} at ${formatPosition(position)}${hint ? ` — ${hint}` : ''}`)
    this.reason = reason
  }
}
