// Stored traces as scorer input: items, retrieved documents, span trees, renderings.
export { evalItemFromTrace } from './eval-item-from-trace.js'
export { type RenderTraceOptions, renderTrace } from './render-trace.js'
export { documentsFromSpans, documentsFromValue } from './retrieved-documents.js'
export { buildSpanTree, rootSpan, type SpanNode } from './span-tree.js'
export { parseStoredValue } from './stored-value.js'
export {
  hasToolUse,
  renderToolCalls,
  type ToolExecution,
  type ToolRequest,
  toolExecutions,
  toolRequests,
} from './tool-calls.js'
