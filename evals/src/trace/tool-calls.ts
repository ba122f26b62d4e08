import type { SpanRow } from '@assay/core'
import { truncate } from '../judges/render-value.js'
import { compareStart, spanDurationMs } from './span-time.js'
import { parseStoredValue } from './stored-value.js'

/**
 * The tool use in a trace, for the tool-call judge: what the model asked
 * for (tool calls in the output messages of LLM / chat spans, in the
 * collector's message shape) and what ran (TOOL spans with their arguments,
 * results and status).
 */
export interface ToolRequest {
  name: string
  arguments: string
}

export interface ToolExecution {
  name: string
  arguments: string
  result: string
  status: string
  durationMs: number
}

const MODEL_KINDS = new Set(['LLM', 'CHAT_MODEL'])

export function toolRequests(spans: readonly SpanRow[]): ToolRequest[] {
  const requests: ToolRequest[] = []
  for (const span of [...spans].sort(compareStart)) {
    if (!MODEL_KINDS.has(span.kind)) continue
    const output = parseStoredValue(span.output)
    const messages = Array.isArray(output) ? output : [output]
    for (const message of messages) {
      const calls = (message as { tool_calls?: unknown } | null)?.tool_calls
      if (!Array.isArray(calls)) continue
      for (const call of calls as Record<string, unknown>[]) {
        // The collector's shape is `{ id, name, arguments }`; OpenAI's raw shape nests under `function`.
        const fn = (call?.function ?? call) as Record<string, unknown>
        if (typeof fn?.name !== 'string') continue
        const args = typeof fn.arguments === 'string' ? fn.arguments : (JSON.stringify(fn.arguments) ?? '')
        requests.push({ name: fn.name, arguments: args })
      }
    }
  }
  return requests
}

export function toolExecutions(spans: readonly SpanRow[]): ToolExecution[] {
  return [...spans]
    .sort(compareStart)
    .filter((span) => span.kind === 'TOOL')
    .map((span) => ({
      name: span.name,
      arguments: span.input,
      result: span.output,
      status: span.status_code === 'ERROR' ? `ERROR ${span.status_message}`.trim() : span.status_code,
      durationMs: spanDurationMs(span),
    }))
}

export function hasToolUse(spans: readonly SpanRow[]): boolean {
  return toolRequests(spans).length > 0 || spans.some((span) => span.kind === 'TOOL')
}

/** Both lists as prompt text. */
export function renderToolCalls(spans: readonly SpanRow[], maxChars = 1_000): string {
  const requests = toolRequests(spans)
  const executions = toolExecutions(spans)
  if (requests.length === 0 && executions.length === 0) return '(no tool calls in this trace)'
  const lines: string[] = []
  if (requests.length > 0) {
    lines.push('Tool calls the model requested, in order:')
    requests.forEach((r, i) => {
      lines.push(`${i + 1}. ${r.name}(${truncate(r.arguments, maxChars)})`)
    })
  }
  if (executions.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('Tools that ran, in order:')
    executions.forEach((e, i) => {
      lines.push(`${i + 1}. ${e.name || '(unnamed)'} ${e.status} ${Math.round(e.durationMs)} ms`)
      if (e.arguments) lines.push(`   arguments: ${truncate(e.arguments, maxChars)}`)
      if (e.result) lines.push(`   result: ${truncate(e.result, maxChars)}`)
    })
  }
  return lines.join('\n')
}
