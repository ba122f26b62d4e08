import { SPAN_KINDS, type SpanKind } from '@assay/core'

/**
 * Span kind vocabulary of each dialect → Assay's kinds. Unlisted values give
 * undefined, so the next dialect in precedence order may still decide.
 */

const KINDS = new Set<string>(SPAN_KINDS)

/** An Assay kind spelled in any case (`llm`, `Chat_Model`); undefined otherwise. */
export function asSpanKind(text: string): SpanKind | undefined {
  const upper = text.trim().toUpperCase()
  return KINDS.has(upper) ? (upper as SpanKind) : undefined
}

/** Looks a dialect's value up in its table, case-insensitively, then as an Assay kind. */
export function mapKind(text: string, table: Readonly<Record<string, SpanKind>>): SpanKind | undefined {
  if (text === '') return undefined
  const lower = text.trim().toLowerCase()
  return Object.hasOwn(table, lower) ? table[lower] : asSpanKind(lower)
}
