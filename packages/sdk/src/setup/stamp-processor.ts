/**
 * Stamps Assay's context on spans as they start, whoever creates them (the
 * OpenAI instrumentation, `trace()`, other instrumentations): the active
 * LoggedModel id, the trace's attributes from `setTraceAttributes`, a
 * prompt formatted earlier in the trace on its next LLM span, and what a
 * caller of `stampNextSpan` knows about the span a library is about to start.
 * As a span ends it gets the messages collected for it (message-content.ts).
 */
import type { Attributes, Context } from '@opentelemetry/api'
import type { tracing } from '@opentelemetry/sdk-node'
import { ATTR } from '../attributes.js'
import { sdkState } from '../state.js'
import { writeMessages } from './message-content.js'

const LLM_KINDS = new Set(['LLM', 'CHAT_MODEL'])

let nextSpan: Attributes | undefined

/** Runs `fn`, giving `attributes` to the first span that starts during it (synchronously). */
export function stampNextSpan<T>(attributes: Attributes, fn: () => T): T {
  nextSpan = attributes
  try {
    return fn()
  } finally {
    nextSpan = undefined
  }
}

export class StampProcessor implements tracing.SpanProcessor {
  onStart(span: tracing.Span, _parent: Context): void {
    if (nextSpan) {
      span.setAttributes(nextSpan)
      nextSpan = undefined
    }
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

  onEnding(span: tracing.Span): void {
    writeMessages(span)
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
