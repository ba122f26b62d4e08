/**
 * One comparison against one SQL expression, with the value as a
 * parameter. Negative operators (`!=`, `NOT LIKE`, `NOT IN`) compile as the
 * negation of their positive form, so a field spanning several columns
 * (`span.model`, `text`) means "either column matches" and its negation
 * "neither does".
 */
import type { CompareOp, Comparison, Scalar } from '@assay/core'
import type { ParamBag } from './sql-fragment.js'

export type PositiveOp = '=' | '<' | '<=' | '>' | '>=' | 'like' | 'ilike' | 'in'

const NEGATED: Partial<Record<CompareOp, PositiveOp>> = {
  '!=': '=',
  'not like': 'like',
  'not ilike': 'ilike',
  'not in': 'in',
}

/** `{ op: '=', negate: true }` for `!=`. */
export function splitNegation(op: CompareOp): { op: PositiveOp; negate: boolean } {
  const positive = NEGATED[op]
  if (positive) return { op: positive, negate: true }
  if (op === 'exists') throw new TypeError('exists has no value comparison')
  return { op: op as PositiveOp, negate: false }
}

export function negateIf(negate: boolean, sql: string): string {
  return negate ? `NOT (${sql})` : sql
}

const SQL_OP: Record<Exclude<PositiveOp, 'in'>, string> = {
  '=': '=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  like: 'LIKE',
  ilike: 'ILIKE',
}

/** `expr <op> <param>` for a text expression; lists become `has(<array param>, expr)`. */
export function compareText(
  expr: string,
  op: PositiveOp,
  value: Scalar | Scalar[],
  params: ParamBag,
): string {
  if (op === 'in') return `has(${params.add(asList(value).map(textOf), 'Array(String)')}, ${expr})`
  return `${expr} ${SQL_OP[op]} ${params.add(textOf(asScalar(value)), 'String')}`
}

/** The same for a numeric expression. */
export function compareNumber(
  expr: string,
  op: PositiveOp,
  value: Scalar | Scalar[],
  params: ParamBag,
): string {
  if (op === 'in') return `has(${params.add(asList(value).map(numberOf), 'Array(Float64)')}, ${expr})`
  if (op === 'like' || op === 'ilike') throw new TypeError(`${op} on a number`)
  return `${expr} ${SQL_OP[op]} ${params.add(numberOf(asScalar(value)), 'Float64')}`
}

/** A literal as text: numbers as written, booleans as `true`/`false` (how attributes store them). */
export function textOf(s: Scalar): string {
  return s.kind === 'string' ? s.value : s.kind === 'number' ? s.text : String(s.value)
}

function numberOf(s: Scalar): number {
  if (s.kind !== 'number') throw new TypeError(`expected a number, got ${s.kind}`)
  return s.value
}

function asList(value: Scalar | Scalar[]): Scalar[] {
  return Array.isArray(value) ? value : [value]
}

function asScalar(value: Scalar | Scalar[]): Scalar {
  if (Array.isArray(value)) throw new TypeError('a list needs IN')
  return value
}

/** The value of a comparison: a scalar, or the items of an IN list. */
export function comparedValue(c: Comparison): Scalar | Scalar[] {
  if (c.value.kind === 'list') return c.value.items
  if (c.value.kind === 'none') throw new TypeError(`${c.op} needs a value`)
  return c.value
}
