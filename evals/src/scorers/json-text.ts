/**
 * Any value as JSON text without throwing: what scorers compare and judges
 * show the model. A cycle becomes "[Circular]", a BigInt its decimal text,
 * a function or symbol a short marker, non-finite numbers their names;
 * `undefined` stays `undefined` (absent).
 */
export function jsonText(value: unknown, indent?: number): string | undefined {
  const path: object[] = []
  // The replacer runs with `this` as the holder, so the stack of holders is the path from the root.
  function replacer(this: unknown, _key: string, v: unknown): unknown {
    while (path.length > 0 && path.at(-1) !== this) path.pop()
    if (typeof v === 'bigint') return v.toString()
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
    if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`
    if (typeof v === 'symbol') return v.toString()
    if (typeof v === 'object' && v !== null) {
      if (path.includes(v)) return '[Circular]'
      path.push(v)
    }
    return v
  }
  try {
    return JSON.stringify(value, replacer, indent)
  } catch (error) {
    return JSON.stringify(`[Unserializable: ${error instanceof Error ? error.message : String(error)}]`)
  }
}

/** A value as text: strings as they are, anything else as JSON ('' when absent). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  return jsonText(value) ?? ''
}
