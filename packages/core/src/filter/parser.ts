/**
 * The parser: recursive descent over the lexer's tokens.
 *
 *   filter     := or EOF
 *   or         := and (OR and)*
 *   and        := unary (AND unary)*
 *   unary      := NOT unary | '(' or ')' | comparison
 *   comparison := FIELD op value | KEYED_FIELD          (alone: the key exists)
 *   op         := = | != | <> | < | <= | > | >= | [NOT] LIKE | [NOT] ILIKE | [NOT] IN
 *   value      := STRING | NUMBER | DURATION | TRUE | FALSE | WORD (enum values)
 *               | '(' value (',' value)* ')'              (after IN)
 *
 * AND binds tighter than OR. Every error names its position and what was
 * expected there (see errors.ts); size, depth and condition count are
 * bounded (see limits.ts), so no input reaches a stack overflow.
 */
import type { CompareOp, Comparison, FilterExpr, Scalar } from './ast.js'
import {
  checkList,
  checkOperator,
  checkScalar,
  describeLiteral,
  type Literal,
  numberExpectation,
  truncate,
} from './check-value.js'
import { closest } from './did-you-mean.js'
import { type Expectation, FilterError } from './errors.js'
import type { FilterField } from './fields.js'
import { lex, type Token } from './lexer.js'
import { MAX_FILTER_BYTES, MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH } from './limits.js'
import { isListOp, OPERATORS_BY_TYPE, operatorLabel } from './operators.js'
import type { FilterPosition } from './position.js'
import { resolveField } from './resolve-field.js'

const START: FilterPosition = { offset: 0, line: 1, column: 1 }

/**
 * Parse a filter into its AST, or throw a FilterError.
 *
 * @example
 * parseFilter("span.kind = 'RETRIEVER' AND span.duration_ms > 500ms")
 * // { type: 'and', items: [{ type: 'compare', field: { name: 'span.kind' }, op: '=', ... }, ...] }
 */
export function parseFilter(text: string): FilterExpr {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_FILTER_BYTES) {
    throw new FilterError(`filter is too long (${bytes} bytes, the limit is ${MAX_FILTER_BYTES})`, START)
  }
  return new Parser(lex(text)).parse()
}

/** Parse tokens that may end early; used by the suggestion engine. */
export function parseTokens(tokens: Token[]): FilterExpr {
  return new Parser(tokens).parse()
}

const OPERAND: Expectation = { kind: 'operand' }
const OPERAND_WORDS = ['a field', 'NOT', '(']

class Parser {
  private pos = 0
  private depth = 0
  private conditions = 0

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpr {
    if (this.peek().type === 'eof') {
      throw new FilterError('empty filter', this.peek().at, OPERAND_WORDS, undefined, OPERAND)
    }
    const expr = this.parseOr()
    const end = this.peek()
    if (end.type !== 'eof') throw this.connectiveError(end, false)
    return expr
  }

  private parseOr(): FilterExpr {
    const items = [this.parseAnd()]
    while (this.isKeyword(this.peek(), 'OR')) {
      this.pos++
      items.push(this.parseAnd())
    }
    return flatten('or', items)
  }

  private parseAnd(): FilterExpr {
    const items = [this.parseUnary()]
    while (this.isKeyword(this.peek(), 'AND')) {
      this.pos++
      items.push(this.parseUnary())
    }
    return flatten('and', items)
  }

  private parseUnary(): FilterExpr {
    const token = this.peek()
    if (this.isKeyword(token, 'NOT')) {
      this.enter(token)
      this.pos++
      const expr = this.parseUnary()
      this.depth--
      return { type: 'not', expr }
    }
    if (token.type === '(') {
      this.enter(token)
      this.pos++
      const expr = this.parseOr()
      const close = this.peek()
      if (close.type !== ')') throw this.connectiveError(close, true)
      this.pos++
      this.depth--
      return expr
    }
    if (token.type === 'word' && !this.isAnyKeyword(token)) return this.parseComparison(token)
    throw new FilterError(
      `expected a condition, found ${describe(token)}`,
      token.at,
      OPERAND_WORDS,
      undefined,
      OPERAND,
    )
  }

  private parseComparison(token: Token & { type: 'word' }): Comparison {
    this.pos++
    if (++this.conditions > MAX_FILTER_CONDITIONS) {
      throw new FilterError(`filter has more than ${MAX_FILTER_CONDITIONS} conditions`, token.at)
    }
    const { def, ref } = resolveField(token.text, token.quotedKey, token.at)
    const label = ref.key === undefined ? def.name : `${def.name}.${truncate(ref.key)}`
    const opToken = this.peek()
    const op = this.parseOperator(def, label)
    if (op === undefined) {
      if (def.keyed && this.endsCondition(opToken)) {
        return { type: 'compare', field: ref, op: 'exists', value: { kind: 'none' }, at: token.at }
      }
      throw new FilterError(
        `expected an operator after '${label}', found ${describe(opToken)}`,
        opToken.at,
        OPERATORS_BY_TYPE[def.type].filter((o) => o !== 'exists').map(operatorLabel),
        undefined,
        { kind: 'operator', field: def },
      )
    }
    checkOperator(def, label, op, opToken.at)
    const expectation: Expectation = { kind: 'value', field: def, key: ref.key, list: isListOp(op) }
    if (isListOp(op)) {
      const items = this.parseList(def, label, op, expectation)
      return {
        type: 'compare',
        field: ref,
        op,
        value: { kind: 'list', items: checkList(def, label, items, opToken.at) },
        at: token.at,
      }
    }
    const valueToken = this.peek()
    const literal = this.parseLiteral(def, label, expectation)
    return {
      type: 'compare',
      field: ref,
      op,
      value: checkScalar(def, label, op, literal, valueToken.at),
      at: token.at,
    }
  }

  /** The operator at the cursor (consumed), or undefined when there is none. */
  private parseOperator(def: FilterField, label: string): CompareOp | undefined {
    const token = this.peek()
    if (token.type === 'op') {
      this.pos++
      return token.text
    }
    if (token.type !== 'word') return undefined
    const word = token.text.toUpperCase()
    if (word === 'LIKE' || word === 'ILIKE' || word === 'IN') {
      this.pos++
      return word.toLowerCase() as CompareOp
    }
    if (word === 'NOT') {
      const next = this.tokens[this.pos + 1]!
      const negated = next.type === 'word' ? next.text.toUpperCase() : ''
      if (negated === 'LIKE' || negated === 'ILIKE' || negated === 'IN') {
        this.pos += 2
        return `not ${negated.toLowerCase()}` as CompareOp
      }
      throw new FilterError(
        `expected LIKE, ILIKE or IN after NOT, found ${describe(next)}`,
        next.at,
        ['LIKE', 'ILIKE', 'IN'],
        `to negate the condition write NOT ${label} …`,
        { kind: 'operator', field: def, negated: true },
      )
    }
    return undefined
  }

  private parseList(def: FilterField, label: string, op: CompareOp, expectation: Expectation): Scalar[] {
    // The parenthesis of an IN list is not a nesting level: it holds only literals.
    const open = this.peek()
    if (open.type !== '(') {
      throw new FilterError(
        `expected '(' to start the IN list, found ${describe(open)}`,
        open.at,
        ['('],
        `e.g. ${label} IN ('a', 'b')`,
        { kind: 'listOpen' },
      )
    }
    this.pos++
    const items: Scalar[] = []
    while (true) {
      const valueToken = this.peek()
      items.push(checkScalar(def, label, op, this.parseLiteral(def, label, expectation), valueToken.at))
      const sep = this.peek()
      this.pos++
      if (sep.type === ')') return items
      if (sep.type !== ',') {
        throw new FilterError(`expected ',' or ')' in the IN list, found ${describe(sep)}`, sep.at, [
          ',',
          ')',
        ])
      }
    }
  }

  private parseLiteral(def: FilterField, label: string, expectation: Expectation): Literal {
    const token = this.peek()
    this.pos++
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.value }
      case 'number':
        return { kind: 'number', value: token.value, text: token.text, duration: token.duration }
      case 'word': {
        const upper = token.text.toUpperCase()
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' }
        return { kind: 'word', value: token.text }
      }
      default:
        throw new FilterError(
          `expected a value for '${label}', found ${describe(token)}`,
          token.at,
          valueWords(def),
          undefined,
          expectation,
        )
    }
  }

  private connectiveError(token: Token, inParens: boolean): FilterError {
    const expected = inParens ? ['AND', 'OR', ')'] : ['AND', 'OR', 'end of input']
    const guess = token.type === 'word' ? closest(token.text.toUpperCase(), ['AND', 'OR']) : undefined
    const hint = guess
      ? `did you mean ${guess}?`
      : token.type === 'eof' && inParens
        ? "add a closing ')'"
        : token.type === ')'
          ? "this ')' has no matching '('"
          : undefined
    const shown = inParens ? "AND, OR or ')'" : 'AND, OR or end of input'
    return new FilterError(`expected ${shown}, found ${describe(token)}`, token.at, expected, hint, {
      kind: 'connective',
      closeParen: inParens,
    })
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_FILTER_DEPTH) {
      throw new FilterError(`filter nests deeper than ${MAX_FILTER_DEPTH} levels`, token.at)
    }
  }

  private endsCondition(token: Token): boolean {
    return (
      token.type === 'eof' ||
      token.type === ')' ||
      this.isKeyword(token, 'AND') ||
      this.isKeyword(token, 'OR')
    )
  }

  private peek(): Token {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)]!
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.type === 'word' && token.quotedKey === undefined && token.text.toUpperCase() === keyword
  }

  private isAnyKeyword(token: Token): boolean {
    return KEYWORDS.some((k) => this.isKeyword(token, k))
  }
}

const KEYWORDS = ['AND', 'OR', 'NOT', 'LIKE', 'ILIKE', 'IN']

function flatten(type: 'and' | 'or', items: FilterExpr[]): FilterExpr {
  if (items.length === 1) return items[0]!
  return { type, items: items.flatMap((e) => (e.type === type ? e.items : [e])) }
}

function valueWords(def: FilterField): string[] {
  if (def.type === 'enum') return (def.values ?? []).map((v) => `'${v}'`)
  if (def.type === 'number') return numberExpectation(def)
  if (def.type === 'attribute' || def.type === 'feedback')
    return ['a quoted string', 'a number', 'true', 'false']
  return ['a quoted string']
}

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'end of input'
    case 'word':
      return `'${truncate(token.text)}'`
    case 'string':
      return describeLiteral({ kind: 'string', value: token.value })
    case 'number':
      return describeLiteral({
        kind: 'number',
        value: token.value,
        text: token.text,
        duration: token.duration,
      })
    case 'op':
      return `'${token.text}'`
    default:
      return `'${token.type}'`
  }
}
