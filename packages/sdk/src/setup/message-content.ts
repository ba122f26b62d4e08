/**
 * Message content on the LLM span itself. The OpenAI instrumentation emits
 * prompts and completions as OpenTelemetry log records (the GenAI event
 * conventions: one record per message, or one carrying
 * `gen_ai.input.messages` / `gen_ai.output.messages`). Sent as logs they
 * need a pipeline of their own (a second batch queue, export and HTTP
 * stream, a quarter more bytes), the collector has to join them to their
 * span, and an app with its own logger provider sent them to its exporters
 * instead of Assay. So the SDK hands the instrumentation this logger: it
 * collects a call's messages and sets them on the call's span as
 * `gen_ai.input.messages` / `gen_ai.output.messages`, one JSON string each,
 * which the collector reads into the span's input and output.
 */
import { type Span, trace } from '@opentelemetry/api'
import type { Logger, LoggerProvider, LogRecord } from '@opentelemetry/api-logs'

const INPUT = 'gen_ai.input.messages'
const OUTPUT = 'gen_ai.output.messages'

/** Per-message events of the older conventions, by role. */
const ROLE_OF: Record<string, string> = {
  'gen_ai.system.message': 'system',
  'gen_ai.user.message': 'user',
  'gen_ai.assistant.message': 'assistant',
  'gen_ai.tool.message': 'tool',
}

interface Messages {
  input: unknown[]
  output: unknown[]
  /** Collected since last set on the span. */
  dirty: boolean
}

const bySpan = new WeakMap<Span, Messages>()

type Body = Record<string, unknown>

/** One event in the chat message shape the collector reads (`{ role, content, tool_calls, ... }`). */
function chatMessage(event: string, body: Body): { message: Body; output: boolean } | undefined {
  const role = ROLE_OF[event]
  if (role) {
    const message: Body = { role, content: body.content ?? null }
    if (body.tool_calls) message.tool_calls = body.tool_calls
    if (role === 'tool' && body.id !== undefined) message.tool_call_id = body.id
    return { message, output: false }
  }
  if (event === 'gen_ai.choice') {
    const choice = (body.message ?? {}) as Body
    const message: Body = { role: 'assistant', content: choice.content ?? null }
    if (choice.tool_calls) message.tool_calls = choice.tool_calls
    if (body.finish_reason) message.finish_reason = body.finish_reason
    return { message, output: true }
  }
  return undefined
}

/**
 * Sets what was collected for `span` as its attributes. Called when output
 * arrives (right before the instrumentation ends the span) and when the
 * span ends (`StampProcessor.onEnding`), for calls that failed or whose
 * stream was abandoned, which have input only.
 */
export function writeMessages(span: Span): void {
  const m = bySpan.get(span)
  if (!m?.dirty) return
  m.dirty = false
  if (m.input.length > 0) span.setAttribute(INPUT, JSON.stringify(m.input))
  if (m.output.length > 0) span.setAttribute(OUTPUT, JSON.stringify(m.output))
}

function record(span: Span, input: unknown[], output: unknown[]): void {
  let m = bySpan.get(span)
  if (!m) {
    m = { input: [], output: [], dirty: false }
    bySpan.set(span, m)
  }
  for (const item of input) m.input.push(item)
  for (const item of output) m.output.push(item)
  m.dirty = true
  if (output.length > 0) writeMessages(span)
}

const logger: Logger = {
  enabled: () => true,
  emit(rec: LogRecord): void {
    const span = rec.context ? trace.getSpan(rec.context) : undefined
    if (!span?.isRecording()) return
    const attrs = rec.attributes ?? {}
    const event = rec.eventName ?? String(attrs['event.name'] ?? '')
    const inList = attrs[INPUT]
    const outList = attrs[OUTPUT]
    if (Array.isArray(inList) || Array.isArray(outList)) {
      record(span, Array.isArray(inList) ? inList : [], Array.isArray(outList) ? outList : [])
      return
    }
    const m = chatMessage(event, (rec.body ?? {}) as Body)
    if (m) record(span, m.output ? [] : [m.message], m.output ? [m.message] : [])
  },
}

/** Give to `instrumentation.setLoggerProvider()`: its records become span attributes. */
export const spanContentLoggerProvider: LoggerProvider = {
  getLogger: () => logger,
}
