/**
 * JSON with object keys sorted at every level, so that two requests that
 * mean the same thing hash the same whatever order their keys were written
 * in. `undefined` properties are dropped, as `JSON.stringify` drops them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, new Set())) ?? 'null'
}

function sortKeys(value: unknown, path: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (path.has(value)) throw new TypeError('cannot build a cache key from a circular value')
  path.add(value)
  try {
    if (Array.isArray(value)) return value.map((v) => sortKeys(v, path))
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = sortKeys(v, path)
    }
    return out
  } finally {
    path.delete(value)
  }
}
