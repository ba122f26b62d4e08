// Structured output must conform to the caller's schema, whatever the caller is, so
// the default answer is generated from the schema: the smallest instance that
// validates, with every declared property present (a judge's optional rationale too),
// the first enum value, and bounds respected.

type Schema = Record<string, unknown>

const MAX_DEPTH = 32

const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'test@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
}

/**
 * @example
 * schemaInstance({ type: 'object', properties: { verdict: { enum: ['yes', 'no'] } } })
 * // => { verdict: 'yes' }
 */
export function schemaInstance(schema: unknown): unknown {
  return build(schema, schema, 'value', 0)
}

function build(schema: unknown, root: unknown, key: string, depth: number): unknown {
  if (!isSchema(schema) || depth > MAX_DEPTH) return null
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  if ('default' in schema) return schema.default
  if (typeof schema.$ref === 'string') return build(resolveRef(root, schema.$ref), root, key, depth + 1)
  const variants = schema.anyOf ?? schema.oneOf
  if (Array.isArray(variants) && variants.length > 0) {
    const chosen = variants.find((v) => !(isSchema(v) && v.type === 'null')) ?? variants[0]
    return build(
      { ...schema, anyOf: undefined, oneOf: undefined, ...(chosen as Schema) },
      root,
      key,
      depth + 1,
    )
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => build(part, root, key, depth + 1))
    return parts.every(isPlainObject) ? Object.assign({}, ...parts) : (parts[0] ?? null)
  }
  switch (typeOf(schema)) {
    case 'object':
      return buildObject(schema, root, depth)
    case 'array':
      return buildArray(schema, root, key, depth)
    case 'string':
      return buildString(schema, key)
    case 'integer':
      return Math.ceil(buildNumber(schema, 1))
    case 'number':
      return buildNumber(schema, 0.5)
    case 'boolean':
      return true
    default:
      return null
  }
}

function buildObject(schema: Schema, root: unknown, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {}
  const out: Record<string, unknown> = {}
  for (const [name, property] of Object.entries(properties))
    out[name] = build(property, root, name, depth + 1)
  const required = Array.isArray(schema.required) ? schema.required : []
  for (const name of required) if (typeof name === 'string' && !(name in out)) out[name] = `test ${name}`
  return out
}

function buildArray(schema: Schema, root: unknown, key: string, depth: number): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : []
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY
  const length = Math.min(
    Math.max(typeof schema.minItems === 'number' ? schema.minItems : 1, prefix.length),
    max,
  )
  return Array.from({ length }, (_, i) => build(prefix[i] ?? schema.items, root, key, depth + 1))
}

function buildString(schema: Schema, key: string): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined
  let text = format ?? `test ${key}`
  if (typeof schema.minLength === 'number') text = text.padEnd(schema.minLength, '.')
  if (typeof schema.maxLength === 'number') text = text.slice(0, schema.maxLength)
  return text
}

/** The value nearest zero inside the bounds; `step` keeps exclusive bounds exclusive. */
function buildNumber(schema: Schema, step: number): number {
  const min = num(schema.minimum) ?? plus(num(schema.exclusiveMinimum), step) ?? Number.NEGATIVE_INFINITY
  const max = num(schema.maximum) ?? plus(num(schema.exclusiveMaximum), -step) ?? Number.POSITIVE_INFINITY
  if (min > max) return (min + max) / 2
  return Math.min(Math.max(0, min), max)
}

function typeOf(schema: Schema): string | undefined {
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type
  if (typeof type === 'string') return type
  if (isSchema(schema.properties)) return 'object'
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array'
  return undefined
}

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const segment of ref.slice(1).split('/').filter(Boolean)) {
    const name = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')
    node = isSchema(node) ? node[name] : undefined
  }
  return node
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isPlainObject = isSchema

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

function plus(value: number | undefined, step: number): number | undefined {
  return value === undefined ? undefined : value + step
}
