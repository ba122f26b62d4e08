/**
 * A retriever's result as the collector's document shape,
 * `[{ id, content, score, metadata }]`, so the dashboard lists the
 * documents and the groundedness judge reads them as context. Accepts the
 * usual shapes: strings, `{ id, content | pageContent | text, score,
 * metadata }` objects (LangChain, LlamaIndex-like), `[doc, score]` pairs,
 * or an object with a `documents` array.
 */
export interface RetrievedDocument {
  id: string
  content: string
  score: number | null
  metadata: Record<string, unknown>
}

/** The documents in a retriever's result, or undefined when it holds no list. */
export function toDocuments(result: unknown): RetrievedDocument[] | undefined {
  const list = Array.isArray(result) ? result : (result as { documents?: unknown })?.documents
  if (!Array.isArray(list)) return undefined
  return list.map((item, i) => toDocument(item, i))
}

function toDocument(item: unknown, index: number): RetrievedDocument {
  if (Array.isArray(item) && item.length === 2 && typeof item[1] === 'number') {
    return { ...toDocument(item[0], index), score: item[1] }
  }
  if (typeof item !== 'object' || item === null) {
    return { id: String(index), content: String(item), score: null, metadata: {} }
  }
  const d = item as Record<string, unknown>
  const id = d.id ?? d._id ?? d.docId ?? (d.metadata as { id?: unknown } | undefined)?.id ?? index
  const content = d.content ?? d.pageContent ?? d.page_content ?? d.text ?? ''
  const score = d.score ?? d.relevance ?? d.similarity
  const metadata = d.metadata
  return {
    id: String(id),
    content: typeof content === 'string' ? content : JSON.stringify(content),
    score: typeof score === 'number' && Number.isFinite(score) ? score : null,
    metadata: typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {},
  }
}
