import type { AnyValue } from '../otlp/types.js'
import { capJsonText, jsonText, MAX_IO_CHARS, truncatedMarker } from './io-text.js'
import { type Message, normalizeMessage, normalizeMessages } from './messages.js'
import { parseJson } from './read.js'
import { toJsonValue } from './values.js'

/**
 * Input/output values from any dialect → the column's JSON text. A value
 * that is a conversation in a known form (a message list, an OpenAI request
 * with `messages`, an OpenAI chat response with `choices`, a Responses API
 * response with `output` items) becomes the common message list; anything
 * else is kept as the source's JSON, verbatim when it arrived as JSON text.
 */

export type Side = 'input' | 'output'

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The conversation inside a parsed value, or undefined when it holds none. */
export function conversationOf(value: unknown, side: Side): Message[] | undefined {
  const role = side === 'input' ? 'user' : 'assistant'
  if (Array.isArray(value)) return normalizeMessages(value, role)
  if (!isObj(value)) return undefined
  if (Array.isArray(value.messages)) return normalizeMessages(value.messages, role)
  if (typeof value.role === 'string') {
    const m = normalizeMessage(value, role)
    return m ? [m] : undefined
  }
  if (side === 'output' && Array.isArray(value.choices)) {
    const out: Message[] = []
    for (const choice of value.choices) {
      const m = normalizeMessage(choice, role)
      if (m) out.push(m)
    }
    return out.length > 0 ? out : undefined
  }
  if (side === 'output' && Array.isArray(value.output)) {
    const items = value.output.filter((item) => isObj(item) && typeof item.role === 'string')
    return normalizeMessages(items, role)
  }
  return undefined
}

/** JSON text of a parsed value, as a message list when it is a conversation. */
export function ioFromValue(value: unknown, side: Side): string {
  if (value === undefined || value === null || value === '') return ''
  return jsonText(conversationOf(value, side) ?? value)
}

/**
 * JSON text of a raw text value. `plainText` says the source declared it
 * text (e.g. mime type `text/plain`), so `42` stays the string "42".
 */
export function ioFromText(raw: string, side: Side, plainText = false): string {
  if (raw === '') return ''
  if (raw.length > MAX_IO_CHARS) return truncatedMarker(raw)
  if (plainText) return capJsonText(JSON.stringify(raw))
  const parsed = parseJson(raw)
  if (parsed === undefined) return capJsonText(JSON.stringify(raw))
  const conversation = conversationOf(parsed, side)
  return conversation ? jsonText(conversation) : raw
}

/** JSON text of an attribute value of any OTLP type. */
export function ioFromAttribute(v: AnyValue | undefined, side: Side): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'string') return ioFromText(v, side)
  return ioFromValue(toJsonValue(v), side)
}
