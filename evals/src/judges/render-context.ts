import type { RetrievedDocument } from '../types.js'
import { renderValue, truncate } from './render-value.js'

const MAX_DOCUMENT_CHARS = 10_000
const MAX_DOCUMENTS = 50

/**
 * Retrieved documents, numbered from 1 so a rationale can cite them
 * ("document [2] says ..."), each with its id when it has one.
 *
 * @example
 * [1] (id: doc-7)
 * Paris is the capital of France.
 */
export function renderContext(documents: readonly RetrievedDocument[]): string {
  const shown = documents.slice(0, MAX_DOCUMENTS).map((doc, i) => {
    const id = doc.id ? ` (id: ${doc.id})` : ''
    return `[${i + 1}]${id}\n${truncate(renderValue(doc.content), MAX_DOCUMENT_CHARS)}`
  })
  const hidden = documents.length - shown.length
  if (hidden > 0) shown.push(`… ${hidden} more documents not shown`)
  return shown.join('\n\n')
}
