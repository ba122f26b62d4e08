/** Which operators each field type takes, and how operators are written. */
import type { CompareOp } from './ast.js'
import type { FilterFieldType } from './fields.js'

const EQUALITY: readonly CompareOp[] = ['=', '!=', 'in', 'not in']
const ORDER: readonly CompareOp[] = ['<', '<=', '>', '>=']
const PATTERN: readonly CompareOp[] = ['like', 'not like', 'ilike', 'not ilike']

export const OPERATORS_BY_TYPE: Record<FilterFieldType, readonly CompareOp[]> = {
  string: [...EQUALITY, ...PATTERN],
  enum: EQUALITY,
  number: [...EQUALITY, ...ORDER],
  text: PATTERN,
  prompt: [...EQUALITY, ...PATTERN],
  attribute: [...EQUALITY, ...ORDER, ...PATTERN, 'exists'],
  feedback: [...EQUALITY, ...ORDER, ...PATTERN, 'exists'],
}

/** `=`, `LIKE`, `NOT IN`: operators as a user types them. */
export function operatorLabel(op: CompareOp): string {
  return /^[a-z ]+$/.test(op) ? op.toUpperCase() : op
}

export const isPatternOp = (op: CompareOp): boolean => PATTERN.includes(op)
export const isOrderOp = (op: CompareOp): boolean => ORDER.includes(op)
export const isListOp = (op: CompareOp): boolean => op === 'in' || op === 'not in'
