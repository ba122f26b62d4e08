/**
 * A resolved prompt version as the app uses it. `format(vars)` fills the
 * template and links the use to tracing: the active span gets
 * `assay.prompt.name`/`version` now, and the trace's next LLM span (the
 * call the formatted prompt is sent in) gets them when it starts.
 */
import { trace as otelTrace } from '@opentelemetry/api'
import { ATTR } from '../attributes.js'
import { remember, sdkState } from '../state.js'
import { type ChatMessage, type PromptTemplate, renderTemplate } from './render.js'

export interface PromptVersionData {
  name: string
  version: number
  template: PromptTemplate
  modelConfig: Record<string, unknown> | null
  responseFormat: Record<string, unknown> | null
  alias?: string
  tags?: Record<string, string>
}

export interface Prompt extends PromptVersionData {
  /** A text prompt gives a string, a chat prompt a list of messages. */
  format(vars?: Record<string, unknown>): string | ChatMessage[]
}

export function toPrompt(data: PromptVersionData): Prompt {
  return {
    ...data,
    format(vars = {}) {
      const rendered = renderTemplate(data.template, vars)
      linkToTrace(data.name, data.version)
      return rendered
    },
  }
}

function linkToTrace(name: string, version: number): void {
  const span = otelTrace.getActiveSpan()
  if (!span) return
  span.setAttribute(ATTR.promptName, name)
  span.setAttribute(ATTR.promptVersion, version)
  remember(sdkState().pendingPrompts, span.spanContext().traceId, { name, version })
}
