/**
 * Stamps Assay's context on spans as they start, whoever creates them (the
 * OpenAI instrumentation, `trace()`, other instrumentations): the active
 * LoggedModel id, the trace's attributes from `setTraceAttributes`, and a
 * prompt formatted earlier in the trace on its next LLM span.
 */
import type { Context } from '@opentelemetry/api'
import type { tracing } from '@opentelemetry/sdk-node'
import { ATTR } from '../attributes.js'
import { sdkState } from '../state.js'

const LLM_KINDS = new Set(['LLM', 'CHAT_MODEL'])

export class StampProcessor implements tracing.SpanProcessor {
  onStart(span: tracing.Span, _parent: Context): void {
    const state = sdkState()
    const traceId = span.spanContext().traceId
    if (state.activeModelId) span.setAttribute(ATTR.modelId, state.activeModelId)
    const attrs = state.traceAttributes.get(traceId)
    if (attrs) span.setAttributes(attrs)
    const prompt = state.pendingPrompts.get(traceId)
    if (prompt && isLlmSpan(span)) {
      span.setAttribute(ATTR.promptName, prompt.name)
      span.setAttribute(ATTR.promptVersion, prompt.version)
      state.pendingPrompts.delete(traceId)
    }
  }

  onEnd(span: tracing.ReadableSpan): void {
    sdkState().endedSpans++
    // The root ended: nothing later in this process belongs to the trace.
    if (span.parentSpanContext) return
    const state = sdkState()
    state.traceAttributes.delete(span.spanContext().traceId)
    state.pendingPrompts.delete(span.spanContext().traceId)
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

function isLlmSpan(span: tracing.Span): boolean {
  const a = span.attributes
  const op = a['gen_ai.operation.name']
  return op === 'chat' || op === 'text_completion' || LLM_KINDS.has(String(a[ATTR.spanKind]))
}
