/**
 * A trace as a dataset item: its root span's input becomes the item's
 * inputs and its output the expectations, so a production answer someone
 * judged right can become ground truth. Span input and output are JSON
 * text: a JSON object is taken as it is; anything else (chat messages, a
 * string, text that is not JSON) is wrapped as `{"input": …}` /
 * `{"output": …}`; an empty one gives `{}`.
 */
import type { SpanRow } from '@assay/core'
import type { ItemInput } from './import-lines.js'

/** The span without a parent, earliest first; for a trace missing its root, the earliest span whose parent is absent. */
export function rootSpan(spans: SpanRow[]): SpanRow | undefined {
  const ids = new Set(spans.map((span) => span.span_id))
  return (
    spans.find((span) => span.parent_span_id === '') ?? spans.find((span) => !ids.has(span.parent_span_id))
  )
}

function asObject(text: string, key: string): Record<string, unknown> {
  if (text === '') return {}
  let value: unknown = text
  try {
    value = JSON.parse(text)
  } catch {
    // not JSON: kept as text
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>
  return { [key]: value }
}

export function itemFromTrace(traceId: string, spans: SpanRow[]): ItemInput | undefined {
  const root = rootSpan(spans)
  if (!root) return undefined
  return {
    inputs: asObject(root.input, 'input'),
    expectations: asObject(root.output, 'output'),
    metadata: {},
    sourceTraceId: traceId,
  }
}
