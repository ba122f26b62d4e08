import type { ContentPart, ToolCall } from './messages.js'

/**
 * Message content in its many spellings → the common shape: OpenAI content
 * parts (`text`, `image_url`, Responses `input_text`/`output_text`),
 * OpenTelemetry GenAI parts (`text` with `content`, `tool_call`,
 * `tool_call_response`), Vercel AI SDK parts (`tool-call`, `tool-result`).
 * Tool calls found among the parts are lifted out into `tool_calls`.
 */

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)
}

/** Arguments as JSON text: a string is kept as the model wrote it, a structure is serialized. */
function argumentsText(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === undefined || v === null) return ''
  return JSON.stringify(v) ?? ''
}

function contentText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '')
}

/** One tool call in OpenAI (`function.name`), flat GenAI (`name`) or Vercel (`toolName`) form. */
function normalizeToolCall(raw: unknown): ToolCall | undefined {
  if (!isObj(raw)) return undefined
  const fn = isObj(raw.function) ? raw.function : raw
  const name = str(fn.name ?? raw.toolName)
  const id = str(raw.id ?? raw.toolCallId)
  if (name === '' && id === '') return undefined
  return { id, name, arguments: argumentsText(fn.arguments ?? raw.args ?? raw.input) }
}

export function normalizeToolCalls(raw: unknown): ToolCall[] {
  if (!Array.isArray(raw)) return []
  const out: ToolCall[] = []
  for (const item of raw) {
    const call = normalizeToolCall(item)
    if (call) out.push(call)
  }
  return out
}

export interface NormalizedContent {
  content: string | null | ContentPart[]
  toolCalls: ToolCall[]
  /** Set when the content was a tool result part, which names the call it answers. */
  toolCallId?: string
}

const TEXT_TYPES = new Set(['text', 'input_text', 'output_text'])

export function normalizeContent(source: unknown): NormalizedContent {
  if (source === undefined || source === null) return { content: null, toolCalls: [] }
  if (typeof source === 'string') return { content: source, toolCalls: [] }
  if (!Array.isArray(source)) return { content: contentText(source), toolCalls: [] }
  const parts: ContentPart[] = []
  const toolCalls: ToolCall[] = []
  let toolCallId: string | undefined
  for (const raw of source) {
    if (typeof raw === 'string') {
      parts.push({ type: 'text', text: raw })
      continue
    }
    if (!isObj(raw)) continue
    const type = str(raw.type)
    if (TEXT_TYPES.has(type) || (type === '' && raw.text !== undefined)) {
      parts.push({ type: 'text', text: str(raw.text ?? raw.content) })
    } else if (type === 'tool_call' || type === 'tool-call' || type === 'function_call') {
      const call = normalizeToolCall(raw)
      if (call) toolCalls.push(call)
    } else if (type === 'tool_call_response' || type === 'tool-result' || type === 'function_call_output') {
      toolCallId = str(raw.id ?? raw.toolCallId ?? raw.call_id) || toolCallId
      const result = raw.response ?? raw.result ?? raw.output
      parts.push({ type: 'text', text: contentText(result) })
    } else if (type === 'reasoning') {
      parts.push({ type: 'reasoning', text: str(raw.content ?? raw.text) })
    } else {
      parts.push({ ...raw, type: type || 'unknown' })
    }
  }
  const only = parts[0]
  if (parts.length === 0) return { content: null, toolCalls, toolCallId }
  if (parts.length === 1 && only?.type === 'text') return { content: only.text ?? '', toolCalls, toolCallId }
  return { content: parts, toolCalls, toolCallId }
}
