/**
 * The filter AST: what `parseFilter` returns and what the store compiles to
 * SQL. Plain JSON-able data, so it can cross a process boundary (the CLI,
 * the online-eval worker) and be compared in tests. Every comparison has
 * already been checked against the field registry: a compiler never sees
 * an unknown field, an operator the field does not support, or a value of
 * the wrong type.
 */
import type { FilterPosition } from './position.js'

export type FilterExpr = AndExpr | OrExpr | NotExpr | Comparison

/** Two or more conditions that must all hold (nested ANDs are flattened). */
export interface AndExpr {
  type: 'and'
  items: FilterExpr[]
}

/** Two or more conditions of which one must hold (nested ORs are flattened). */
export interface OrExpr {
  type: 'or'
  items: FilterExpr[]
}

export interface NotExpr {
  type: 'not'
  expr: FilterExpr
}

export type CompareOp =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'like'
  | 'not like'
  | 'ilike'
  | 'not ilike'
  | 'in'
  | 'not in'
  /** A keyed field written alone (`tag.vip`): the key is present. */
  | 'exists'

/** `span.attributes.http.method` is `{ name: 'span.attributes', key: 'http.method' }`. */
export interface FieldRef {
  /** A registry name (`FILTER_FIELDS`). */
  name: string
  /** The key after a keyed field's name; user data, never SQL text. */
  key?: string
}

export type Scalar =
  | { kind: 'string'; value: string }
  /** `text` is the literal as written (`2s`, `0.50`); `value` is the number, durations in milliseconds. */
  | { kind: 'number'; value: number; text: string; duration?: boolean }
  | { kind: 'boolean'; value: boolean }

export type FilterValue = Scalar | { kind: 'list'; items: Scalar[] } | { kind: 'none' }

export interface Comparison {
  type: 'compare'
  field: FieldRef
  op: CompareOp
  value: FilterValue
  /** Where the field starts in the filter text. */
  at: FilterPosition
}
