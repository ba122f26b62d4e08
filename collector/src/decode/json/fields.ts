/**
 * Reading fields of a parsed OTLP/JSON object leniently but never blindly:
 * camelCase names first, snake_case as a fallback (some hand-written clients
 * send proto field names), `null` taken as absent, and a value of the wrong
 * type reported with its path (`resourceSpans[0].scopeSpans[1].spans[3].name`).
 *
 * Paths are assembled only when something fails: each list level catches a
 * FieldError and prefixes its own segment, so the happy path pays nothing.
 */

export type JsonObject = Record<string, unknown>

export class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path ? `${path}: ${reason}` : reason)
  }
}

function prefixed(err: unknown, segment: string): unknown {
  if (!(err instanceof FieldError)) return err
  const sep = err.path === '' || err.path.startsWith('[') ? '' : '.'
  return new FieldError(`${segment}${sep}${err.path}`, err.reason)
}

const snakeNames = new Map<string, string>()
function snake(camel: string): string {
  let name = snakeNames.get(camel)
  if (name === undefined) {
    name = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    snakeNames.set(camel, name)
  }
  return name
}

/** The field's value, or undefined when absent or null. */
export function get(obj: JsonObject, camel: string): unknown {
  let v = obj[camel]
  if (v === undefined || v === null) v = obj[snake(camel)]
  return v === null ? undefined : v
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function asObject(v: unknown, path: string): JsonObject {
  if (!isObject(v)) throw new FieldError(path, `expected an object, got ${typeName(v)}`)
  return v
}

/** An optional sub-message; an absent one reads as an empty object. */
export function getObject(obj: JsonObject, camel: string): JsonObject {
  const v = get(obj, camel)
  return v === undefined ? {} : asObject(v, camel)
}

/** Maps a repeated field, naming the failing element in any error. */
export function mapList<T>(obj: JsonObject, camel: string, fn: (item: unknown) => T): T[] {
  const list = get(obj, camel)
  if (list === undefined) return []
  if (!Array.isArray(list)) throw new FieldError(camel, `expected an array, got ${typeName(list)}`)
  const out: T[] = new Array(list.length)
  for (let i = 0; i < list.length; i++) {
    try {
      out[i] = fn(list[i])
    } catch (err) {
      throw prefixed(err, `${camel}[${i}]`)
    }
  }
  return out
}

/** Runs `fn` on a field's value, naming the field in any error. */
export function atField<T>(camel: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw prefixed(err, camel)
  }
}

export function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`
}
