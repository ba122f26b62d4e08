import { GEN_AI_ATTR as K, type SpanKind } from '@assay/core'
import type { Attributes } from '../../otlp/types.js'
import { fill, fillCost, fillIo, fillKind, fillUsage, type SpanDraft } from '../draft.js'
import { ioFromAttribute } from '../io.js'
import { jsonText } from '../io-text.js'
import { mapKind } from '../kinds.js'
import { normalizeContent } from '../message-parts.js'
import { type Message, normalizeMessages } from '../messages.js'
import { readAmount, readCount, readJson, readString } from '../read.js'
import { GEN_AI } from './detect.js'
import type { Dialect } from './types.js'

/**
 * OpenTelemetry GenAI conventions, current keys and the older scalar ones
 * (`gen_ai.system`, `gen_ai.usage.prompt_tokens`). The indexed message keys
 * of older versions are in `gen-ai-legacy.ts`. A chat call is `LLM`, as it
 * is under OpenInference, so one model call has one kind whichever library
 * traced it; `CHAT_MODEL` is kept for sources that say so explicitly.
 */

const KINDS: Record<string, SpanKind> = {
  chat: 'LLM',
  text_completion: 'LLM',
  generate_content: 'LLM',
  embeddings: 'EMBEDDING',
  execute_tool: 'TOOL',
  invoke_agent: 'AGENT',
  create_agent: 'AGENT',
  retrieve: 'RETRIEVER',
  retrieval: 'RETRIEVER',
}

function firstCount(a: Attributes, keys: string[]): number | undefined {
  for (const k of keys) {
    const n = readCount(a, k)
    if (n !== undefined) return n
  }
  return undefined
}

/** `gen_ai.system_instructions`: a JSON list of parts, or plain text. */
function systemMessage(a: Attributes): Message | undefined {
  const raw = a[K.systemInstructions]
  if (raw === undefined) return undefined
  const parsed = readJson(a, K.systemInstructions)
  const { content } = normalizeContent(parsed ?? readString(a, K.systemInstructions))
  return content === null ? undefined : { role: 'system', content }
}

/**
 * Input messages, with the system instructions first. Instructions alone do
 * not make an input: the messages may come later as log records, and an
 * input holding only the system prompt would stop them from being used.
 */
function inputMessages(a: Attributes): string | undefined {
  if (a[K.inputMessages] === undefined) return undefined
  const messages = normalizeMessages(readJson(a, K.inputMessages), 'user')
  if (!messages) return ioFromAttribute(a[K.inputMessages], 'input')
  const system = systemMessage(a)
  if (system && messages[0]?.role !== 'system') messages.unshift(system)
  return jsonText(messages)
}

export const genAiDialect: Dialect = {
  name: 'gen-ai',
  mask: GEN_AI,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillKind(d, mapKind(readString(a, K.operationName), KINDS))
    fill(d, 'provider', (readString(a, K.providerName) || readString(a, K.system)).toLowerCase())
    fill(d, 'model_request', readString(a, K.requestModel))
    fill(d, 'model_response', readString(a, K.responseModel))
    fillUsage(d, {
      input: firstCount(a, [K.inputTokens, K.promptTokens]),
      output: firstCount(a, [K.outputTokens, K.completionTokens]),
      total: readCount(a, K.totalTokens),
      cached: firstCount(a, [
        K.cacheReadInputTokens,
        'gen_ai.usage.cache_read_input_tokens',
        'gen_ai.usage.input_tokens.cached',
      ]),
      reasoning: firstCount(a, [
        K.reasoningOutputTokens,
        'gen_ai.usage.output_tokens.reasoning',
        'gen_ai.usage.reasoning_tokens',
      ]),
    })
    fillCost(d, readAmount(a, K.cost))
    fill(d, 'session_id', readString(a, K.conversationId))
    fillIo(d, 'input', () => inputMessages(a) ?? ioFromAttribute(a[K.toolCallArguments], 'input'))
    fillIo(d, 'output', () => {
      const raw = a[K.outputMessages]
      if (raw === undefined) return ioFromAttribute(a[K.toolCallResult], 'output')
      const messages = normalizeMessages(readJson(a, K.outputMessages), 'assistant')
      return messages ? jsonText(messages) : ioFromAttribute(raw, 'output')
    })
  },
}
