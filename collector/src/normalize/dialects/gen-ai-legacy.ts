import { GEN_AI_ATTR as K } from '@assay/core'
import type { Attributes } from '../../otlp/types.js'
import { fillIo, type SpanDraft } from '../draft.js'
import { collectIndexed } from '../indexed.js'
import { ioFromAttribute } from '../io.js'
import { jsonText } from '../io-text.js'
import { type Message, normalizeMessage } from '../messages.js'
import { parseJson } from '../read.js'
import { GEN_AI } from './detect.js'
import type { Dialect } from './types.js'

/**
 * Older GenAI message keys, still sent by deployed OpenLLMetry versions:
 * `gen_ai.prompt.N.role` / `.content` / `.tool_call_id`,
 * `gen_ai.completion.N.role` / `.content` / `.finish_reason`, tool calls as
 * `gen_ai.completion.N.tool_calls.M.{id,name,arguments}`; and whole JSON in
 * `gen_ai.prompt` / `gen_ai.completion`.
 */

function toolCalls(record: Attributes): unknown[] | undefined {
  const calls = collectIndexed(record, 'tool_calls.')
  return calls.length > 0 ? calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })) : undefined
}

function indexedMessages(a: Attributes, prefix: string, defaultRole: string): string | undefined {
  const records = collectIndexed(a, prefix)
  if (records.length === 0) return undefined
  const out: Message[] = []
  for (const r of records) {
    // Content may itself be JSON-encoded parts (OpenLLMetry does this for multimodal prompts).
    const content =
      typeof r.content === 'string' && r.content.startsWith('[')
        ? (parseJson(r.content) ?? r.content)
        : r.content
    const m = normalizeMessage(
      {
        role: r.role,
        content,
        tool_calls: toolCalls(r),
        tool_call_id: r.tool_call_id,
        finish_reason: r.finish_reason,
      },
      defaultRole,
    )
    if (m) out.push(m)
  }
  return out.length > 0 ? jsonText(out) : undefined
}

export const genAiLegacyDialect: Dialect = {
  name: 'gen-ai-legacy',
  mask: GEN_AI,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillIo(
      d,
      'input',
      () => indexedMessages(a, K.promptPrefix, 'user') ?? ioFromAttribute(a['gen_ai.prompt'], 'input'),
    )
    fillIo(
      d,
      'output',
      () =>
        indexedMessages(a, K.completionPrefix, 'assistant') ??
        ioFromAttribute(a['gen_ai.completion'], 'output'),
    )
  },
}
