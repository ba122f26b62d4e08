import { normalizeContent, normalizeToolCalls } from './message-parts.js'

/**
 * One message shape for every dialect, so the dashboard, the judges and the
 * filters read chat input/output one way, whichever library sent it.
 *
 * ## Messages (`input`, `output` of LLM / chat spans)
 *
 * A JSON array of messages, in conversation order:
 *
 * ```json
 * [
 *   { "role": "system", "content": "You are a concise assistant." },
 *   { "role": "user", "content": "What is the weather in Paris?" },
 *   { "role": "assistant", "content": null,
 *     "tool_calls": [{ "id": "call_1", "name": "get_weather", "arguments": "{\"location\":\"Paris\"}" }] },
 *   { "role": "tool", "tool_call_id": "call_1", "content": "{\"temperature\":18}" },
 *   { "role": "assistant", "content": "It is 18°C and sunny.", "finish_reason": "stop" }
 * ]
 * ```
 *
 * - `role`: `system`, `user`, `assistant`, `tool` (or what the source said).
 * - `content`: a string when the message is one piece of text; `null` when it
 *   has none (an assistant turn that only calls tools); otherwise an array of
 *   parts, each `{ "type": "text", "text": "..." }` or a non-text part kept as
 *   the source gave it (`{ "type": "image_url", ... }`, `{ "type": "reasoning", "text": ... }`).
 * - `tool_calls` (assistant, optional): `{ id, name, arguments }`, `arguments`
 *   being JSON text exactly as the model produced it (structured arguments are
 *   serialized), so a malformed call is still shown as it was.
 * - `tool_call_id` (tool results), `name`, `finish_reason` (output messages): optional.
 *
 * Sources mapped onto it: OpenAI chat messages, OpenTelemetry GenAI `parts`
 * messages and message events, OpenInference `llm.*_messages.N.*`, the older
 * `gen_ai.prompt.N.*` keys, Vercel AI SDK messages and tool calls.
 *
 * ## Documents (`output` of RETRIEVER spans)
 *
 * A JSON array `[{ "id": "doc-1", "content": "...", "score": 0.83, "metadata": { ... } }]`;
 * `id` and `content` are strings ('' when unknown), `score` a number or null,
 * `metadata` an object (`{}` when none).
 *
 * ## Everything else
 *
 * Any other input/output is the source's JSON as sent; plain text becomes a
 * JSON string. Values longer than 1,000,000 characters are replaced by
 * `{"truncated":true,"original_chars":N,"preview":"<first 64,000 characters>"}`
 * (the raw attributes keep the full value).
 */

export interface ToolCall {
  id: string
  name: string
  /** JSON text of the arguments, as produced by the model. */
  arguments: string
}

export interface ContentPart {
  type: string
  text?: string
  [key: string]: unknown
}

export interface Message {
  role: string
  content: string | null | ContentPart[]
  tool_calls?: ToolCall[]
  tool_call_id?: string
  name?: string
  finish_reason?: string
}

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * One source message in any supported format → Message; undefined when it is
 * not recognizably a message. A bare string is a message of `defaultRole`.
 */
export function normalizeMessage(raw: unknown, defaultRole: string): Message | undefined {
  if (typeof raw === 'string') return { role: defaultRole, content: raw }
  if (!isObj(raw)) return undefined
  // A choice (`gen_ai.choice` body, OpenAI response) wraps the message.
  if (isObj(raw.message) && raw.role === undefined) {
    const m = normalizeMessage(raw.message, defaultRole)
    const reason = text(raw.finish_reason)
    if (m && reason && !m.finish_reason) m.finish_reason = reason
    return m
  }
  const source = Array.isArray(raw.parts) ? raw.parts : raw.content
  if (raw.role === undefined && source === undefined && raw.tool_calls === undefined) return undefined
  const parts = normalizeContent(source)
  const message: Message = { role: text(raw.role) ?? defaultRole, content: parts.content }
  const toolCalls = [...parts.toolCalls, ...normalizeToolCalls(raw.tool_calls ?? raw.toolCalls)]
  if (toolCalls.length > 0) message.tool_calls = toolCalls
  const toolCallId =
    text(raw.tool_call_id) ??
    text(raw.toolCallId) ??
    parts.toolCallId ??
    (message.role === 'tool' ? text(raw.id) : undefined)
  if (toolCallId) message.tool_call_id = toolCallId
  if (parts.toolCallId && message.role === defaultRole && raw.role === undefined) message.role = 'tool'
  const name = text(raw.name)
  if (name) message.name = name
  const reason = text(raw.finish_reason) ?? text(raw.finishReason)
  if (reason) message.finish_reason = reason
  return message
}

/** A list of source messages → Messages; undefined when the value is not a list of messages. */
export function normalizeMessages(raw: unknown, defaultRole: string): Message[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined
  const out: Message[] = []
  for (const item of raw) {
    // Strict here, unlike for one message event: a list of documents or arguments is not a conversation.
    if (!isObj(item) || (typeof item.role !== 'string' && !isObj(item.message))) return undefined
    const m = normalizeMessage(item, defaultRole)
    if (!m) return undefined
    out.push(m)
  }
  return out
}
