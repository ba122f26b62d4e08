// The one place that decides what the "model" says. Precedence: a plan's explicit
// tool calls or text; else a tool call when tools are offered (unless the last
// message is a tool's result, so agent loops end); else JSON for structured output;
// else a short deterministic greeting derived from the last user message.
import { stripMarkers } from './markers.js'
import type { Plan } from './plan.js'
import type { Prompt } from './prompt.js'
import { schemaInstance } from './schema-instance.js'
import { countTokens } from './tokens.js'

export interface ToolCall {
  id: string
  name: string
  arguments: string
}

export interface Answer {
  text: string | null
  toolCalls: ToolCall[]
  finishReason: NonNullable<Plan['finishReason']>
  promptTokens: number
  completionTokens: number
}

export function answer(prompt: Prompt, plan: Plan, nextId: (prefix: string) => string): Answer {
  const toolCalls = planToolCalls(prompt, plan).map((call) => ({
    id: nextId('call_'),
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }))
  let text = toolCalls.length > 0 ? null : answerText(prompt, plan)
  if (plan.malformed && text !== null) text = text.slice(0, Math.ceil(text.length / 2))
  const completion = (text ?? '') + toolCalls.map((c) => c.name + c.arguments).join('')
  return {
    text,
    toolCalls,
    finishReason: plan.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    promptTokens: plan.usage?.promptTokens ?? countTokens(prompt.texts.join('\n')),
    completionTokens: plan.usage?.completionTokens ?? countTokens(completion),
  }
}

/** The default text answer: deterministic, and recognisably about the question. */
export function greeting(lastUserText: string): string {
  const said = stripMarkers(lastUserText)
  if (!said) return 'Hello! How can I help?'
  return `Hello! You said: ${said.length > 200 ? `${said.slice(0, 200)}…` : said}`
}

function planToolCalls(prompt: Prompt, plan: Plan): { name: string; arguments?: unknown }[] {
  if (plan.toolCalls) return plan.toolCalls
  if (plan.content !== undefined || plan.json !== undefined || prompt.afterToolResult) return []
  if (prompt.tools.length === 0 || prompt.toolChoice === 'none') return []
  const tool = prompt.tools.find((t) => t.name === prompt.toolChoice) ?? prompt.tools[0]!
  return [{ name: tool.name, arguments: schemaInstance(tool.parameters ?? { type: 'object' }) }]
}

function answerText(prompt: Prompt, plan: Plan): string {
  if (plan.content !== undefined) return plan.content
  const { format } = prompt
  if (plan.json === undefined && format.type === 'text' && !plan.set) return greeting(prompt.lastUserText)
  const generated =
    plan.json ??
    (format.type === 'json_schema'
      ? schemaInstance(format.schema)
      : { answer: greeting(prompt.lastUserText) })
  return JSON.stringify(adjust(generated, plan))
}

function adjust(value: unknown, plan: Plan): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const out: Record<string, unknown> = { ...value, ...plan.set }
  for (const name of plan.omit ?? []) delete out[name]
  return out
}
