import type { EvalItem, TraceView } from '../types.js'
import { documentsFromSpans } from './retrieved-documents.js'
import { spanDurationMs } from './span-time.js'
import { rootSpan } from './span-tree.js'
import { parseStoredValue } from './stored-value.js'

/**
 * A stored trace as an item for scorers (online evaluation, `assay eval`
 * over existing traces): the root span's input and output (parsed from
 * their stored JSON), the documents of its RETRIEVER spans as context, the
 * root span's duration as latency, and the cost of all its spans.
 * Expectations are not part of a trace; the caller adds them when it has some.
 *
 * @example
 * const item = evalItemFromTrace({ traceId, spans: await store.getTrace(projectId, traceId) })
 * const result = await judges.groundedness().score(item)
 */
export function evalItemFromTrace(trace: TraceView): EvalItem {
  const { spans } = trace
  const root = rootSpan(spans)
  const item: EvalItem = {
    inputs: root ? parseStoredValue(root.input) : undefined,
    outputs: root ? parseStoredValue(root.output) : undefined,
    trace,
  }
  const context = documentsFromSpans(spans)
  if (context.length > 0) item.context = context
  if (root) item.latencyMs = spanDurationMs(root)
  // Evaluator spans are scoring work recorded on the trace, not the application's own spend.
  const costUsd = spans.reduce((sum, s) => (s.kind === 'EVALUATOR' ? sum : sum + s.cost_usd), 0)
  if (spans.length > 0) item.costUsd = costUsd
  return item
}
