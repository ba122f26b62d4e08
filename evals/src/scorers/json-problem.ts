/**
 * Why a value cannot be JSON (a cycle, `undefined`, a function, a BigInt, a
 * non-finite number, a symbol), with the path to the offending part, or
 * undefined when it can. Walks with an explicit stack so a deeply nested
 * value cannot overflow the call stack.
 */
export function jsonProblem(value: unknown): string | undefined {
  const ancestors = new Set<object>()
  const stack: ({ value: unknown; path: string } | { leave: object })[] = [{ value, path: '$' }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if ('leave' in frame) {
      ancestors.delete(frame.leave)
      continue
    }
    const { value: v, path } = frame
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${path} is ${v}, which JSON cannot represent`
      continue
    }
    if (typeof v !== 'object') return `${path} is ${v === undefined ? 'undefined' : `a ${typeof v}`}`
    if (ancestors.has(v)) return `${path} refers back to an enclosing value (a cycle)`
    ancestors.add(v)
    stack.push({ leave: v })
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], path: `${path}[${i}]` })
    } else for (const [k, x] of Object.entries(v)) stack.push({ value: x, path: `${path}.${k}` })
  }
  return undefined
}
