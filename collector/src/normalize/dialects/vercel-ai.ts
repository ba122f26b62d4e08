import type { SpanKind } from '@assay/core'
import type { AnyValue } from '../../otlp/types.js'
import { fill, fillIo, fillKind, fillMetadata, fillUsage, type SpanDraft } from '../draft.js'
import { ioFromAttribute, ioFromText } from '../io.js'
import { jsonText } from '../io-text.js'
import { normalizeToolCalls } from '../message-parts.js'
import { type Message, normalizeMessages } from '../messages.js'
import { parseJson, readCount, readJson, readString } from '../read.js'
import { addTags } from '../tags.js'
import { stringifyValue } from '../values.js'
import { VERCEL_AI } from './detect.js'
import type { Dialect } from './types.js'

/**
 * Vercel AI SDK telemetry (`ai.*`). Each call is an outer span
 * (`ai.generateText`) around one provider span per step
 * (`ai.generateText.doGenerate`); both report usage, the outer one as the
 * sum of its steps. Tokens are taken from the provider spans only, so a
 * trace's totals do not count a call twice; the outer span keeps its
 * numbers in the raw attributes.
 */

const METADATA_PREFIX = 'ai.telemetry.metadata.'

function kindOf(op: string): SpanKind | undefined {
  if (op === '') return undefined
  if (op === 'ai.toolCall') return 'TOOL'
  if (op.startsWith('ai.embed')) return 'EMBEDDING'
  if (op.endsWith('.doGenerate') || op.endsWith('.doStream')) return 'LLM'
  return 'CHAIN'
}

function isProviderCall(op: string): boolean {
  return op.endsWith('.doGenerate') || op.endsWith('.doStream') || op.endsWith('.doEmbed')
}

/** `ai.prompt` is `{ system?, prompt?, messages? }` as JSON. */
function promptMessages(value: unknown): Message[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const p = value as Record<string, unknown>
  const out: Message[] = []
  if (typeof p.system === 'string') out.push({ role: 'system', content: p.system })
  if (typeof p.prompt === 'string') out.push({ role: 'user', content: p.prompt })
  out.push(...(normalizeMessages(p.messages, 'user') ?? []))
  return out.length > 0 ? out : undefined
}

function input(d: SpanDraft): string | undefined {
  const a = d.attrs
  const messages =
    normalizeMessages(readJson(a, 'ai.prompt.messages'), 'user') ?? promptMessages(readJson(a, 'ai.prompt'))
  if (messages) return jsonText(messages)
  for (const key of ['ai.toolCall.args', 'ai.toolCall.input', 'ai.value', 'ai.values']) {
    if (a[key] !== undefined) return ioFromAttribute(a[key], 'input')
  }
  return undefined
}

function output(d: SpanDraft): string | undefined {
  const a = d.attrs
  const text = a['ai.response.text']
  const toolCalls = normalizeToolCalls(readJson(a, 'ai.response.toolCalls'))
  if (typeof text === 'string' || toolCalls.length > 0) {
    const m: Message = { role: 'assistant', content: typeof text === 'string' && text !== '' ? text : null }
    if (toolCalls.length > 0) m.tool_calls = toolCalls
    const reason = readString(a, 'ai.response.finishReason')
    if (reason) m.finish_reason = reason
    return jsonText([m])
  }
  const object = readString(a, 'ai.response.object')
  if (object) return ioFromText(object, 'output')
  for (const key of ['ai.toolCall.result', 'ai.toolCall.output']) {
    if (a[key] !== undefined) return ioFromAttribute(a[key], 'output')
  }
  return undefined
}

export const vercelAiDialect: Dialect = {
  name: 'vercel-ai',
  mask: VERCEL_AI,
  apply(d: SpanDraft) {
    const a = d.attrs
    const op = readString(a, 'ai.operationId')
    fillKind(d, kindOf(op))
    fill(d, 'model_request', readString(a, 'ai.model.id'))
    fill(d, 'model_response', readString(a, 'ai.response.model'))
    // `openai.chat`, `anthropic.messages`: the provider is the first segment.
    fill(d, 'provider', readString(a, 'ai.model.provider').split('.')[0]?.toLowerCase())
    if (isProviderCall(op)) {
      fillUsage(d, {
        input: readCount(a, 'ai.usage.inputTokens') ?? readCount(a, 'ai.usage.promptTokens'),
        output: readCount(a, 'ai.usage.outputTokens') ?? readCount(a, 'ai.usage.completionTokens'),
        total: readCount(a, 'ai.usage.totalTokens'),
        cached: readCount(a, 'ai.usage.cachedInputTokens'),
        reasoning: readCount(a, 'ai.usage.reasoningTokens'),
      })
      if (op.endsWith('.doEmbed')) fillUsage(d, { input: readCount(a, 'ai.usage.tokens') })
    }
    fillIo(d, 'input', () => input(d))
    fillIo(d, 'output', () => output(d))
    for (const key in a) {
      if (!key.startsWith(METADATA_PREFIX)) continue
      const name = key.slice(METADATA_PREFIX.length)
      const value = a[key] as AnyValue
      // Conventions shared with other tools: these metadata names mean session, user and tags.
      if (name === 'sessionId') fill(d, 'session_id', stringifyValue(value))
      else if (name === 'userId') fill(d, 'user_id', stringifyValue(value))
      else if (name === 'tags') addTags(d, typeof value === 'string' ? (parseJson(value) ?? value) : value)
      else fillMetadata(d, name, stringifyValue(value))
    }
  },
}
