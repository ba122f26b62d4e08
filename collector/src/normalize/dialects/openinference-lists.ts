import type { Attributes } from '../../otlp/types.js'
import { type RetrievedDocument, toDocument } from '../documents.js'
import { collectIndexed } from '../indexed.js'
import { type Message, normalizeMessage } from '../messages.js'

/**
 * OpenInference flattens messages and documents into indexed keys:
 * `llm.input_messages.0.message.content`,
 * `llm.output_messages.0.message.tool_calls.0.tool_call.function.name`,
 * `llm.output_messages.0.message.contents.0.message_content.text`,
 * `retrieval.documents.0.document.score`. These rebuild the lists.
 */

function partsOf(record: Attributes): unknown[] | undefined {
  const contents = collectIndexed(record, 'message.contents.')
  if (contents.length === 0) return undefined
  return contents.map((c) => {
    const type = c['message_content.type']
    if (type === 'image' || c['message_content.image.image.url'] !== undefined) {
      return { type: 'image_url', image_url: { url: c['message_content.image.image.url'] } }
    }
    return { type: typeof type === 'string' && type !== '' ? type : 'text', text: c['message_content.text'] }
  })
}

function toolCallsOf(record: Attributes): unknown[] | undefined {
  const calls = collectIndexed(record, 'message.tool_calls.')
  if (calls.length === 0) return undefined
  return calls.map((c) => ({
    id: c['tool_call.id'],
    function: { name: c['tool_call.function.name'], arguments: c['tool_call.function.arguments'] },
  }))
}

/** Messages under `<prefix>N.message.*`; undefined when there are none. */
export function flattenedMessages(
  attrs: Attributes,
  prefix: string,
  defaultRole: string,
): Message[] | undefined {
  const records = collectIndexed(attrs, prefix)
  if (records.length === 0) return undefined
  const out: Message[] = []
  for (const r of records) {
    const m = normalizeMessage(
      {
        role: r['message.role'],
        content: partsOf(r) ?? r['message.content'],
        tool_calls: toolCallsOf(r),
        tool_call_id: r['message.tool_call_id'],
        name: r['message.name'],
      },
      defaultRole,
    )
    if (m) out.push(m)
  }
  return out.length > 0 ? out : undefined
}

/** Documents under `<prefix>N.document.*`; undefined when there are none. */
export function flattenedDocuments(attrs: Attributes, prefix: string): RetrievedDocument[] | undefined {
  const records = collectIndexed(attrs, prefix)
  if (records.length === 0) return undefined
  return records.map((r) =>
    toDocument({
      id: r['document.id'],
      content: r['document.content'],
      score: r['document.score'],
      metadata: r['document.metadata'],
    }),
  )
}
