import { fillTag, type SpanDraft } from './draft.js'
import { parseJson } from './read.js'
import { textOf } from './values.js'

/**
 * Tags arrive as a JSON array of strings (`tag.tags`, `langfuse.trace.tags`),
 * an OTLP string array, a key/value object, or one bare string. Bare tags are
 * stored with the value '' (see `SpanRow.tags`).
 */
export function addTags(d: SpanDraft, value: unknown): void {
  if (typeof value === 'string') {
    const parsed = parseJson(value)
    if (parsed !== undefined && typeof parsed === 'object') addTags(d, parsed)
    else if (value.trim() !== '') fillTag(d, value.trim(), '')
    return
  }
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'string' && item !== '') fillTag(d, item, '')
    return
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) fillTag(d, k, textOf(v))
  }
}
