import type { AnyValue } from '../../otlp/types.js'
import { fill, fillIo, fillKind, fillMetadata, fillUsage, type SpanDraft } from '../draft.js'
import { ioFromText } from '../io.js'
import { jsonText } from '../io-text.js'
import { mapKind } from '../kinds.js'
import { readCount, readJson, readString } from '../read.js'
import { addTags } from '../tags.js'
import { textOf } from '../values.js'
import { OPENINFERENCE } from './detect.js'
import { flattenedDocuments, flattenedMessages } from './openinference-lists.js'
import type { Dialect } from './types.js'

/**
 * OpenInference (Arize Phoenix instrumentations). Its kinds are Assay's
 * kinds by name. Messages and documents are flattened into indexed keys;
 * `input.value`/`output.value` carry the raw payload with a mime type and
 * are used when no structured form is present.
 */

function ioValue(d: SpanDraft, prefix: 'input' | 'output'): string {
  const value = d.attrs[`${prefix}.value`]
  if (typeof value !== 'string') return value === undefined ? '' : jsonText(textOf(value))
  const mime = readString(d.attrs, `${prefix}.mime_type`)
  return ioFromText(value, prefix, mime !== '' && mime !== 'application/json')
}

function embeddingTexts(d: SpanDraft): string | undefined {
  const texts: string[] = []
  for (let i = 0; ; i++) {
    const t = d.attrs[`embedding.embeddings.${i}.embedding.text`]
    if (typeof t !== 'string') break
    texts.push(t)
  }
  return texts.length > 0 ? jsonText(texts) : undefined
}

export const openInferenceDialect: Dialect = {
  name: 'openinference',
  mask: OPENINFERENCE,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillKind(d, mapKind(readString(a, 'openinference.span.kind'), {}))
    const model = readString(a, 'llm.model_name') || readString(a, 'embedding.model_name')
    fill(d, 'model_request', model)
    fill(d, 'model_response', model)
    fill(d, 'provider', (readString(a, 'llm.provider') || readString(a, 'llm.system')).toLowerCase())
    fillUsage(d, {
      input: readCount(a, 'llm.token_count.prompt'),
      output: readCount(a, 'llm.token_count.completion'),
      total: readCount(a, 'llm.token_count.total'),
      cached: readCount(a, 'llm.token_count.prompt_details.cache_read'),
      reasoning: readCount(a, 'llm.token_count.completion_details.reasoning'),
    })
    fillIo(d, 'input', () => {
      const messages = flattenedMessages(a, 'llm.input_messages.', 'user')
      if (messages) return jsonText(messages)
      return ioValue(d, 'input') || embeddingTexts(d)
    })
    fillIo(d, 'output', () => {
      const messages = flattenedMessages(a, 'llm.output_messages.', 'assistant')
      if (messages) return jsonText(messages)
      const docs =
        flattenedDocuments(a, 'retrieval.documents.') ?? flattenedDocuments(a, 'reranker.output_documents.')
      return docs ? jsonText(docs) : ioValue(d, 'output')
    })
    fill(d, 'session_id', readString(a, 'session.id'))
    fill(d, 'user_id', readString(a, 'user.id'))
    if (a['tag.tags'] !== undefined) addTags(d, a['tag.tags'])
    const metadata = readJson(a, 'metadata')
    if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) {
      for (const [k, v] of Object.entries(metadata)) fillMetadata(d, k, textOf(v as AnyValue))
    }
  },
}
