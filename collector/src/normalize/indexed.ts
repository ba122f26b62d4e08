import type { AnyValue, Attributes } from '../otlp/types.js'

/**
 * Several conventions flatten lists into indexed keys
 * (`llm.input_messages.0.message.role`, `gen_ai.prompt.1.content`,
 * `retrieval.documents.2.document.id`). This groups them back: one record
 * per index, in index order, keyed by the rest of the key.
 */

const MAX_INDEX_DIGITS = 6

/** Records for `<prefix><N>.<field>` keys, ordered by N; `[]` when there are none. */
export function collectIndexed(attrs: Attributes, prefix: string): Attributes[] {
  let byIndex: Map<number, Attributes> | undefined
  for (const key in attrs) {
    if (!key.startsWith(prefix)) continue
    const dot = key.indexOf('.', prefix.length)
    const digits = dot < 0 ? '' : key.slice(prefix.length, dot)
    if (digits === '' || digits.length > MAX_INDEX_DIGITS || !/^[0-9]+$/.test(digits)) continue
    const index = Number(digits)
    byIndex ??= new Map()
    let record = byIndex.get(index)
    if (!record) {
      record = Object.create(null) as Attributes
      byIndex.set(index, record)
    }
    record[key.slice(dot + 1)] = attrs[key] as AnyValue
  }
  if (!byIndex) return []
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1])
}
