import type { SpanKind, SpanRow } from '@assay/core'
import type { Attributes, DecodedSpanEvent } from '../otlp/types.js'

/**
 * The span row while dialects fill it. Every fill is "first writer wins":
 * a field already set (non-empty, non-zero, kind not UNKNOWN) is left alone,
 * which is what makes the dialect order in `dialects/index.ts` a precedence.
 */
export interface SpanDraft {
  row: SpanRow
  /** The decoded attributes, with their original types (the row holds them as text). */
  attrs: Attributes
  events: DecodedSpanEvent[]
  /** The cost the span reported itself; wins over the price table. */
  ownCost?: number
}

type TextField =
  | 'model_request'
  | 'model_response'
  | 'provider'
  | 'session_id'
  | 'user_id'
  | 'model_id'
  | 'prompt_name'
  | 'prompt_version'
  | 'environment'
  | 'status_message'

export function fill(d: SpanDraft, field: TextField, value: string | undefined): void {
  if (value && d.row[field] === '') d.row[field] = value
}

export function fillKind(d: SpanDraft, kind: SpanKind | undefined): void {
  if (kind && kind !== 'UNKNOWN' && d.row.kind === 'UNKNOWN') d.row.kind = kind
}

/** Fills input or output; `compute` runs only when the field is still empty, so no parse is wasted. */
export function fillIo(d: SpanDraft, field: 'input' | 'output', compute: () => string | undefined): void {
  if (d.row[field] === '') d.row[field] = compute() ?? ''
}

export interface Usage {
  input?: number | undefined
  output?: number | undefined
  total?: number | undefined
  cached?: number | undefined
  reasoning?: number | undefined
}

export function fillUsage(d: SpanDraft, u: Usage): void {
  const r = d.row
  if (u.input && r.input_tokens === 0) r.input_tokens = u.input
  if (u.output && r.output_tokens === 0) r.output_tokens = u.output
  if (u.total && r.total_tokens === 0) r.total_tokens = u.total
  if (u.cached && r.cached_tokens === 0) r.cached_tokens = u.cached
  if (u.reasoning && r.reasoning_tokens === 0) r.reasoning_tokens = u.reasoning
}

export function fillCost(d: SpanDraft, cost: number | undefined): void {
  if (cost !== undefined && d.ownCost === undefined) d.ownCost = cost
}

export function fillMetadata(d: SpanDraft, key: string, value: string): void {
  if (key !== '' && !(key in d.row.metadata)) d.row.metadata[key] = value
}

export function fillTag(d: SpanDraft, key: string, value: string): void {
  if (key !== '' && !(key in d.row.tags)) d.row.tags[key] = value
}
