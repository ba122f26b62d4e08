import type { SpanRow } from '@assay/core'
import type { RetrievedDocument } from '../types.js'
import { compareStart } from './span-time.js'
import { parseStoredValue } from './stored-value.js'

/**
 * The documents a trace's RETRIEVER spans returned, in retrieval order.
 * The SDK and the collector store a retriever's output as
 * `[{ id, content, score, metadata }]`; other shapes seen in raw outputs
 * (LangChain's `page_content`, `text`, bare strings, `{ documents: [...] }`)
 * are read too, so a trace sent by another library still gives context.
 */
export function documentsFromSpans(spans: readonly SpanRow[]): RetrievedDocument[] {
  const documents: RetrievedDocument[] = []
  for (const span of [...spans].sort(compareStart)) {
    if (span.kind !== 'RETRIEVER') continue
    documents.push(...documentsFromValue(parseStoredValue(span.output)))
  }
  return documents
}

export function documentsFromValue(value: unknown): RetrievedDocument[] {
  const list = Array.isArray(value) ? value : isRecord(value) ? value.documents : undefined
  if (!Array.isArray(list)) return []
  return list.flatMap((item) => {
    const document = toDocument(item)
    return document ? [document] : []
  })
}

function toDocument(item: unknown): RetrievedDocument | undefined {
  if (typeof item === 'string') return { content: item }
  if (!isRecord(item)) return undefined
  const content = item.content ?? item.page_content ?? item.pageContent ?? item.text
  if (content === undefined || content === null) return undefined
  const document: RetrievedDocument = {
    content: typeof content === 'string' ? content : (JSON.stringify(content) ?? ''),
  }
  if (typeof item.id === 'string' && item.id !== '') document.id = item.id
  else if (typeof item.id === 'number') document.id = String(item.id)
  if (typeof item.score === 'number' && Number.isFinite(item.score)) document.score = item.score
  if (isRecord(item.metadata) && Object.keys(item.metadata).length > 0) document.metadata = item.metadata
  return document
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
