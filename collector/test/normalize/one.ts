import type { SpanRow } from '@assay/core'
import { normalizeTraces } from '../../src/normalize/index.js'
import type { AnyValue } from '../../src/otlp/types.js'
import { attrs, span, traces } from './build.js'

/** Normalizes one span with the given attributes and returns its row. */
export function one(a: Record<string, AnyValue>, resource?: Record<string, AnyValue>): SpanRow {
  const out = normalizeTraces(traces([span({ attributes: attrs(a) })], resource), { projectId: 'p1' })
  if (out.spans.length !== 1) throw new Error(`rejected: ${out.rejected.reasons.join('; ')}`)
  return out.spans[0]!
}

export function parsed(text: string): unknown {
  return JSON.parse(text)
}
