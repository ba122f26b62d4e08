/**
 * A minimal valid value for a JSON schema of the OpenAPI document, so that
 * a test can call every documented route without knowing it: examples and
 * defaults first, then the first enum value or union branch, required
 * object properties (and those with an example), one array item. `pick` can supply a value by
 * property name (ids of existing objects, say); strings carry `marker`.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas are untyped JSON
type Schema = any

export interface SampleOptions {
  components: Record<string, Schema>
  marker: string
  /** A value for a property by its name, or undefined to generate one. */
  pick?: (property: string) => unknown
}

export function sampleOf(schema: Schema, options: SampleOptions, depth = 0): unknown {
  if (!schema || depth > 12) return null
  if (schema.$ref) return sampleOf(options.components[schema.$ref.split('/').pop()], options, depth + 1)
  if (schema.example !== undefined) return withPicks(schema.example, options)
  if (schema.examples?.length) return schema.examples[0]
  if (schema.default !== undefined) return schema.default
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  const union = schema.anyOf ?? schema.oneOf
  if (union) return sampleOf(union.find((s: Schema) => s.type !== 'null') ?? union[0], options, depth + 1)
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s: Schema) => sampleOf(s, options, depth + 1)))
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return new Date().toISOString()
      return options.marker.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 64)
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1)
    case 'boolean':
      return true
    case 'array':
      return schema.maxItems === 0 ? [] : [sampleOf(schema.items, options, depth + 1)]
    case 'object': {
      const out: Record<string, unknown> = {}
      const withExample = Object.keys(schema.properties ?? {}).filter(
        (name) => schema.properties[name].example !== undefined,
      )
      const names = new Set<string>([...(schema.required ?? []), ...withExample])
      // All optional (`{inputs?, expectations?}` with "at least one"): give the first.
      const first = Object.keys(schema.properties ?? {})[0]
      if (names.size === 0 && first !== undefined) names.add(first)
      for (const name of names) {
        const picked = options.pick?.(name)
        out[name] = picked !== undefined ? picked : sampleOf(schema.properties?.[name], options, depth + 1)
      }
      return out
    }
    default:
      return options.marker
  }
}

/** An example object with the picked values put in (ids of existing objects over made-up ones). */
function withPicks(example: unknown, options: SampleOptions): unknown {
  if (!options.pick || !example || typeof example !== 'object' || Array.isArray(example)) return example
  const out: Record<string, unknown> = { ...(example as Record<string, unknown>) }
  for (const key of Object.keys(out)) {
    const picked = options.pick(key)
    if (picked !== undefined) out[key] = picked
  }
  return out
}
