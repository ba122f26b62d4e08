/**
 * Type checking of one comparison: does this field take this operator, and
 * this value? Values come out normalized (enum values upper-cased, numbers
 * written for a text field turned into their text), so compilers do no
 * checking of their own.
 */
import type { CompareOp, Scalar } from './ast.js'
import { closest } from './did-you-mean.js'
import { FilterError } from './errors.js'
import type { FilterField } from './fields.js'
import { isOrderOp, isPatternOp, OPERATORS_BY_TYPE, operatorLabel } from './operators.js'
import type { FilterPosition } from './position.js'

/** A literal as written: a bare word is only a value for enum fields. */
export type Literal = Scalar | { kind: 'word'; value: string }

const TYPE_NOUN: Record<FilterField['type'], string> = {
  string: 'text',
  enum: 'one of a fixed set of values',
  number: 'a number',
  text: 'searchable text',
  prompt: 'a prompt reference',
  attribute: 'a key/value map',
  feedback: 'an assessment value',
}

export function checkOperator(field: FilterField, label: string, op: CompareOp, at: FilterPosition): void {
  const allowed = OPERATORS_BY_TYPE[field.type]
  if (allowed.includes(op)) return
  const needs = isPatternOp(op)
    ? 'needs a text field'
    : isOrderOp(op)
      ? 'needs a number field'
      : `is not available for '${label}'`
  const expected = allowed.filter((o) => o !== 'exists').map(operatorLabel)
  throw new FilterError(`'${label}' is ${TYPE_NOUN[field.type]}; ${operatorLabel(op)} ${needs}`, at, expected)
}

/** The normalized value of `literal` for `field op literal`, or a FilterError at `at`. */
export function checkScalar(
  field: FilterField,
  label: string,
  op: CompareOp,
  literal: Literal,
  at: FilterPosition,
): Scalar {
  const fail = (expected: string[], hint?: string): never => {
    throw new FilterError(
      `'${label}' is ${TYPE_NOUN[field.type]}; expected ${expected.join(' or ')}, found ${describeLiteral(literal)}`,
      at,
      expected,
      hint,
    )
  }
  const quoteHint = literal.kind === 'word' ? `put it in quotes: '${truncate(literal.value)}'` : undefined
  switch (field.type) {
    case 'enum': {
      if (literal.kind !== 'string' && literal.kind !== 'word') return fail(['one of the values'])
      return { kind: 'string', value: enumValue(field, label, literal.value, at) }
    }
    case 'number': {
      if (literal.kind !== 'number') return fail(numberExpectation(field))
      if (literal.duration && !field.name.endsWith('duration_ms')) {
        return fail(['a number'], `a duration needs a *.duration_ms field`)
      }
      return literal
    }
    case 'string':
    case 'prompt': {
      if (literal.kind === 'number' && !literal.duration) return { kind: 'string', value: literal.text }
      if (literal.kind !== 'string') return fail(['a quoted string'], quoteHint)
      if (field.type === 'prompt' && !isPatternOp(op) && literal.value.includes('@')) {
        throw new FilterError(
          `prompt aliases ('${truncate(literal.value)}') cannot be filtered on`,
          at,
          ['"name"', '"name/version"'],
          'write the prompt name, or name/version',
        )
      }
      return literal
    }
    case 'text':
      if (literal.kind !== 'string') return fail(['a quoted pattern'], quoteHint)
      return literal
    case 'attribute':
    case 'feedback': {
      if (literal.kind === 'word') {
        return fail(['a quoted string', 'a number', 'true', 'false'], quoteHint)
      }
      if (isPatternOp(op) && literal.kind !== 'string') return fail(['a quoted pattern'])
      if (isOrderOp(op) && literal.kind !== 'number') return fail(['a number'])
      return literal
    }
  }
}

/** Lists must be one kind for feedback (they compare one typed column); attribute lists compare as text. */
export function checkList(field: FilterField, label: string, items: Scalar[], at: FilterPosition): Scalar[] {
  if (field.type === 'feedback') {
    const kinds = new Set(items.map((s) => s.kind))
    if (kinds.size > 1 || kinds.has('boolean')) {
      throw new FilterError(`'${label}' IN needs all numbers or all strings`, at, [
        'numbers',
        'quoted strings',
      ])
    }
  }
  return items
}

function enumValue(field: FilterField, label: string, value: string, at: FilterPosition): string {
  const values = field.values ?? []
  const upper = value.toUpperCase()
  if (values.includes(upper)) return upper
  const guess = closest(value, values)
  throw new FilterError(
    `unknown value '${truncate(value)}' for '${label}'`,
    at,
    values.map((v) => `'${v}'`),
    guess ? `did you mean '${guess}'?` : `expected one of ${values.join(', ')}`,
  )
}

export function numberExpectation(field: FilterField): string[] {
  return field.name.endsWith('duration_ms') ? ['a number', 'a duration (500ms, 2s)'] : ['a number']
}

export function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return `string '${truncate(literal.value)}'`
    case 'number':
      return literal.duration ? `duration ${literal.text}` : `number ${literal.text}`
    case 'boolean':
      return String(literal.value)
    case 'word':
      return `'${truncate(literal.value)}'`
  }
}

/** Keeps error messages short when a value is 100 KB long. */
export function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s
}
