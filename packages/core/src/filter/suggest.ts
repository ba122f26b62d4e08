/**
 * Completions for the dashboard's filter box, from the parser itself: the
 * text before the cursor is parsed, and the expectation of the error at
 * its end (or "a connective" when it parses) says what may come next, so a
 * suggestion is never something the parser would then reject. A word or
 * an unterminated string touching the cursor is the partial input being
 * completed: it is left out of the parse and filters the candidates.
 */
import { FilterError } from './errors.js'
import { FILTER_FIELDS, type FilterField } from './fields.js'
import { lex, type Token } from './lexer.js'
import { MAX_FILTER_BYTES } from './limits.js'
import { OPERATORS_BY_TYPE, operatorLabel } from './operators.js'
import { parseTokens } from './parser.js'
import { resolveField } from './resolve-field.js'

export interface FilterSuggestion {
  /** What the list shows. */
  label: string
  /** What replaces the text in [from, to). */
  insertText: string
  kind: 'field' | 'operator' | 'value' | 'keyword'
  detail?: string
}

export interface FilterSuggestions {
  /** The range of the filter text that a suggestion replaces (string offsets). */
  from: number
  to: number
  items: FilterSuggestion[]
  /**
   * Set where recently seen values would complete the input: ask
   * `GET /api/filter/values?field=<field>&prefix=<prefix>`. For a keyed
   * field without its key (`span.attributes`) the values are keys.
   */
  values?: { field: string; prefix: string; keys?: boolean }
}

const KEYED = FILTER_FIELDS.filter((f) => f.keyed)

/**
 * @example
 * suggestFilter('span.kind = RE', 14).items.map((s) => s.label) // ['RERANKER', 'RETRIEVER']
 */
export function suggestFilter(text: string, cursorOffset: number): FilterSuggestions {
  const cursor = Math.max(0, Math.min(Math.trunc(cursorOffset) || 0, text.length))
  // A filter the parser would refuse for its size gets no completions either.
  if (text.length > MAX_FILTER_BYTES) return { from: cursor, to: cursor, items: [] }
  let tokens: Token[]
  try {
    tokens = lex(text.slice(0, cursor), { partial: true })
  } catch {
    return { from: cursor, to: cursor, items: [] }
  }
  const last = tokens[tokens.length - 2]
  // Still typing a number: nothing to offer until it ends.
  if (last?.type === 'number' && last.end === cursor) return { from: cursor, to: cursor, items: [] }
  const partial =
    last && last.end === cursor && (last.type === 'word' || (last.type === 'string' && last.unterminated))
      ? last
      : undefined
  const before = partial
    ? [...tokens.slice(0, -2), { type: 'eof' as const, at: partial.at, end: partial.at.offset }]
    : tokens
  const from = partial ? partial.at.offset : cursor
  const typed = partial?.type === 'word' ? partial.text : partial?.type === 'string' ? partial.value : ''
  const result = complete(before, typed, partial)
  return { from, to: cursor, ...result, items: result.items.filter((s) => startsWith(s.label, typed)) }
}

function complete(
  tokens: Token[],
  typed: string,
  partial: Token | undefined,
): Omit<FilterSuggestions, 'from' | 'to'> {
  const end = tokens[tokens.length - 1]!.at.offset
  try {
    parseTokens(tokens)
  } catch (error) {
    if (!(error instanceof FilterError) || !error.expectation || error.position.offset !== end)
      return { items: [] }
    const e = error.expectation
    switch (e.kind) {
      case 'operand':
        return operandItems(typed)
      case 'operator':
        return { items: e.negated ? negatedItems(e.field) : operatorItems(e.field) }
      case 'value':
        return valueItems(e.field, e.key, typed, partial?.type === 'string')
      case 'listOpen':
        return { items: [keyword('(')] }
      case 'connective':
        return { items: connectives(e.closeParen) }
    }
  }
  // It parses: the condition may go on. A keyed field alone (`tag.vip`) may still take an operator.
  const last = tokens[tokens.length - 2]
  const prev = tokens[tokens.length - 3]
  const items = connectives(false)
  if (last?.type === 'word' && prev?.type !== 'op') {
    try {
      const { def } = resolveField(last.text, last.quotedKey)
      if (def.keyed) items.unshift(...operatorItems(def))
    } catch {
      // a value word, not a field
    }
  }
  return { items }
}

function operandItems(typed: string): Omit<FilterSuggestions, 'from' | 'to'> {
  const lower = typed.toLowerCase()
  const keyed = KEYED.find((f) => lower.startsWith(`${f.name}.`))
  if (keyed) {
    // After `span.attributes.` the completions are keys seen recently.
    return {
      items: [],
      values: { field: keyed.name, prefix: typed.slice(keyed.name.length + 1), keys: true },
    }
  }
  const fields = FILTER_FIELDS.map(
    (f): FilterSuggestion => ({
      label: f.keyed ? `${f.name}.` : f.name,
      insertText: f.keyed ? `${f.name}.` : f.name,
      kind: 'field',
      detail: f.description,
    }),
  )
  return { items: [...fields, keyword('NOT'), keyword('(')] }
}

function operatorItems(field: FilterField): FilterSuggestion[] {
  return OPERATORS_BY_TYPE[field.type]
    .filter((op) => op !== 'exists')
    .map((op) => ({ label: operatorLabel(op), insertText: operatorLabel(op), kind: 'operator' as const }))
}

function negatedItems(field: FilterField): FilterSuggestion[] {
  return OPERATORS_BY_TYPE[field.type]
    .filter((op) => op.startsWith('not '))
    .map((op) => ({
      label: op.slice(4).toUpperCase(),
      insertText: op.slice(4).toUpperCase(),
      kind: 'operator' as const,
    }))
}

function valueItems(
  field: FilterField,
  key: string | undefined,
  typed: string,
  quoted: boolean,
): Omit<FilterSuggestions, 'from' | 'to'> {
  if (field.type === 'enum') return { items: (field.values ?? []).map((v) => value(v, `'${v}'`)) }
  const items =
    field.type === 'attribute' || field.type === 'feedback'
      ? quoted
        ? []
        : [value('true', 'true'), value('false', 'false')]
      : []
  if (field.type === 'number' || field.type === 'text') return { items }
  const name = key === undefined ? field.name : `${field.name}.${key}`
  return { items, values: { field: name, prefix: typed } }
}

function connectives(closeParen: boolean): FilterSuggestion[] {
  return [keyword('AND'), keyword('OR'), ...(closeParen ? [keyword(')')] : [])]
}

const keyword = (word: string): FilterSuggestion => ({ label: word, insertText: word, kind: 'keyword' })
const value = (label: string, insertText: string): FilterSuggestion => ({ label, insertText, kind: 'value' })

function startsWith(label: string, typed: string): boolean {
  return label.toLowerCase().startsWith(typed.toLowerCase())
}

/** A value as a filter literal, for the dashboard to insert: `'it''s'` is written `'it\'s'`. */
export function quoteFilterValue(v: string): string {
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}
