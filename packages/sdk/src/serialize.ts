/**
 * Turns any argument or return value into JSON text for `assay.input` /
 * `assay.output` without ever throwing or blocking the app on a huge value:
 * cycles become "[Circular]", BigInt a decimal string, binary data a size
 * marker, and long strings, arrays, deep nesting and the whole text are cut
 * with explicit markers (the collector's own truncation shape for the whole).
 */
export interface SerializeLimits {
  maxStringChars: number
  maxItems: number
  maxDepth: number
  maxTotalChars: number
}

export const DEFAULT_LIMITS: SerializeLimits = {
  maxStringChars: 100_000,
  maxItems: 1000,
  maxDepth: 12,
  maxTotalChars: 500_000,
}

export function serialize(value: unknown, limits: SerializeLimits = DEFAULT_LIMITS): string {
  let text: string
  try {
    text = JSON.stringify(toJsonValue(value, limits, 0, new Set())) ?? 'null'
  } catch (err) {
    text = JSON.stringify(`[Unserializable: ${err instanceof Error ? err.message : String(err)}]`)
  }
  if (text.length <= limits.maxTotalChars) return text
  return JSON.stringify({
    truncated: true,
    original_chars: text.length,
    preview: text.slice(0, Math.min(64_000, limits.maxTotalChars / 2)),
  })
}

function toJsonValue(value: unknown, limits: SerializeLimits, depth: number, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      return value.length > limits.maxStringChars
        ? `${value.slice(0, limits.maxStringChars)}…[truncated ${value.length - limits.maxStringChars} chars]`
        : value
    case 'number':
      return Number.isFinite(value) ? value : String(value)
    case 'boolean':
      return value
    case 'bigint':
      return value.toString()
    case 'undefined':
      return null
    case 'symbol':
      return value.toString()
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`
  }
  if (value === null) return null
  const obj = value as object
  if (seen.has(obj)) return '[Circular]'
  if (depth >= limits.maxDepth) return Array.isArray(obj) ? '[Array]' : '[Object]'
  if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) return `[Binary ${obj.byteLength} bytes]`
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString()
  if (obj instanceof Error) return { name: obj.name, message: obj.message }
  if (obj instanceof RegExp) return obj.toString()
  seen.add(obj)
  try {
    const next = (v: unknown) => toJsonValue(v, limits, depth + 1, seen)
    if (Array.isArray(obj) || obj instanceof Set) return listOf([...obj], limits, next)
    if (obj instanceof Map) return recordOf([...obj.entries()], limits, next)
    const toJSON = (obj as { toJSON?: () => unknown }).toJSON
    if (typeof toJSON === 'function') return next(safely(() => toJSON.call(obj)))
    return recordOf(
      Object.keys(obj).map((k) => [k, safely(() => (obj as Record<string, unknown>)[k])]),
      limits,
      next,
    )
  } finally {
    seen.delete(obj)
  }
}

function listOf(items: unknown[], limits: SerializeLimits, next: (v: unknown) => unknown): unknown[] {
  const out = items.slice(0, limits.maxItems).map(next)
  if (items.length > limits.maxItems) out.push(`…[${items.length - limits.maxItems} more items]`)
  return out
}

function recordOf(
  entries: [unknown, unknown][],
  limits: SerializeLimits,
  next: (v: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, v] of entries.slice(0, limits.maxItems)) {
    if (v === undefined) continue
    out[String(key)] = next(v)
  }
  if (entries.length > limits.maxItems) out['…'] = `[${entries.length - limits.maxItems} more keys]`
  return out
}

function safely(read: () => unknown): unknown {
  try {
    return read()
  } catch (err) {
    return `[Unreadable: ${err instanceof Error ? err.message : String(err)}]`
  }
}
