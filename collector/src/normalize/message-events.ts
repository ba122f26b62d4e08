import { GEN_AI_ATTR, GEN_AI_EVENT, type SpanEventRow } from '@assay/core'
import { jsonText } from './io-text.js'
import { normalizeContent } from './message-parts.js'
import { type Message, normalizeMessage, normalizeMessages } from './messages.js'
import { parseJson } from './read.js'
import { compareNanos } from './times.js'

/**
 * A span's input/output rebuilt from its message events. The GenAI
 * conventions send message content as events: one per message
 * (`gen_ai.user.message`, ..., `gen_ai.choice`) with the message as the
 * body, or one `gen_ai.client.inference.operation.details` record carrying
 * `gen_ai.input.messages` / `gen_ai.output.messages`; older versions used
 * span events with the JSON in `gen_ai.prompt` / `gen_ai.completion`.
 *
 * Pure, and works on stored rows, so the write or the read path can apply
 * it to the events of a span whichever request brought them.
 *
 * @example messagesFromEvents(eventsOfSpan) // { input: '[{"role":"user","content":"Hi"}]', output: '[...]' }
 */

const ROLE_OF: Record<string, string> = {
  [GEN_AI_EVENT.systemMessage]: 'system',
  [GEN_AI_EVENT.userMessage]: 'user',
  [GEN_AI_EVENT.assistantMessage]: 'assistant',
  [GEN_AI_EVENT.toolMessage]: 'tool',
}

/** The event's payload: its body, or for span events (no body) its attributes. */
function payload(e: SpanEventRow): unknown {
  if (e.body !== '') return parseJson(e.body)
  const a = e.attributes
  const out: Record<string, unknown> = Object.create(null)
  for (const key of ['role', 'content', 'id', 'finish_reason', 'index']) if (key in a) out[key] = a[key]
  for (const key of ['tool_calls', 'message']) if (key in a) out[key] = parseJson(a[key] ?? '')
  return out
}

function parsedAttr(e: SpanEventRow, key: string): unknown {
  const v = e.attributes[key]
  return v === undefined ? undefined : (parseJson(v) ?? v)
}

function systemInstructions(e: SpanEventRow): Message | undefined {
  const v = parsedAttr(e, GEN_AI_ATTR.systemInstructions)
  if (v === undefined) return undefined
  const { content } = normalizeContent(v)
  return content === null ? undefined : { role: 'system', content }
}

export function messagesFromEvents(events: readonly SpanEventRow[]): { input?: string; output?: string } {
  const sorted = [...events].sort((a, b) => compareNanos(a.time, b.time))
  const input: Message[] = []
  const choices: { index: number; message: Message }[] = []
  const output: Message[] = []
  for (const e of sorted) {
    const role = Object.hasOwn(ROLE_OF, e.name) ? ROLE_OF[e.name] : undefined
    if (role) {
      const m = normalizeMessage(payload(e), role)
      if (m) input.push(m)
    } else if (e.name === GEN_AI_EVENT.choice) {
      const p = payload(e)
      const m = normalizeMessage(p, 'assistant')
      const index = typeof p === 'object' && p !== null ? Number((p as { index?: unknown }).index ?? 0) : 0
      if (m) choices.push({ index: Number.isFinite(index) ? index : 0, message: m })
    } else {
      const inKey = e.name === GEN_AI_EVENT.contentPrompt ? 'gen_ai.prompt' : GEN_AI_ATTR.inputMessages
      const outKey =
        e.name === GEN_AI_EVENT.contentCompletion ? 'gen_ai.completion' : GEN_AI_ATTR.outputMessages
      const ins = normalizeMessages(parsedAttr(e, inKey), 'user')
      if (ins) {
        const system = systemInstructions(e)
        if (system && ins[0]?.role !== 'system') input.push(system)
        input.push(...ins)
      }
      output.push(...(normalizeMessages(parsedAttr(e, outKey), 'assistant') ?? []))
    }
  }
  choices.sort((a, b) => a.index - b.index)
  for (const c of choices) output.push(c.message)
  const result: { input?: string; output?: string } = {}
  if (input.length > 0) result.input = jsonText(input)
  if (output.length > 0) result.output = jsonText(output)
  return result
}

/** Whether any event could carry messages: spares the sort and parses for spans that have none. */
export function hasMessageEvents(events: readonly SpanEventRow[]): boolean {
  for (const e of events) {
    if (e.name.startsWith('gen_ai.') || GEN_AI_ATTR.inputMessages in e.attributes) return true
  }
  return false
}
