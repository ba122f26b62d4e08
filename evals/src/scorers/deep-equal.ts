/**
 * Structural equality of JSON-like values: same primitives (NaN equals
 * NaN), arrays element by element, plain objects by own enumerable keys in
 * any order. A pair of objects already being compared further up counts as
 * equal, so cyclic values terminate.
 */
export function deepEqual(a: unknown, b: unknown, inProgress = new Map<object, Set<object>>()): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const seen = inProgress.get(a)
  if (seen?.has(b)) return true
  if (seen) seen.add(b)
  else inProgress.set(a, new Set([b]))
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i], inProgress))
  }
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  return keysA.every(
    (k) =>
      Object.hasOwn(b, k) &&
      deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], inProgress),
  )
}
