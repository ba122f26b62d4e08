/**
 * A field name to a registry entry and key. Fixed names match in any case
 * (`Span.Kind`); keys keep their case, since attribute keys are
 * case-sensitive. An unknown name fails with the nearest known one.
 */
import type { FieldRef } from './ast.js'
import { truncate } from './check-value.js'
import { closest } from './did-you-mean.js'
import { FilterError } from './errors.js'
import { FILTER_FIELDS, type FilterField, fieldLabel } from './fields.js'
import type { FilterPosition } from './position.js'

const fixed = FILTER_FIELDS.filter((f) => !f.keyed)
const keyed = FILTER_FIELDS.filter((f) => f.keyed)
const START: FilterPosition = { offset: 0, line: 1, column: 1 }

export interface ResolvedField {
  def: FilterField
  ref: FieldRef
}

/**
 * Resolve a field as written: `span.kind`, `metadata.tenant`, or a keyed
 * prefix with a separately quoted key (`span.attributes` + `weird key`).
 *
 * @example
 * resolveField('span.attributes.http.method').ref // { name: 'span.attributes', key: 'http.method' }
 */
export function resolveField(name: string, quotedKey?: string, at: FilterPosition = START): ResolvedField {
  const lower = name.toLowerCase()
  if (quotedKey !== undefined) {
    const def = keyed.find((f) => f.name === lower)
    if (def) return withKey(def, quotedKey, at)
    throw unknownField(`${name}."${quotedKey}"`, at, suggestPrefix(name, `."${quotedKey}"`))
  }
  const exact = fixed.find((f) => f.name === lower)
  if (exact) return { def: exact, ref: { name: exact.name } }
  for (const def of keyed) {
    if (lower.startsWith(`${def.name}.`)) return withKey(def, name.slice(def.name.length + 1), at)
  }
  const bare = keyed.find((f) => f.name === lower)
  if (bare) {
    throw new FilterError(`'${bare.name}' needs a key`, at, [fieldLabel(bare)], `e.g. ${bare.example}`)
  }
  throw unknownField(name, at, suggestion(name))
}

function withKey(def: FilterField, key: string, at: FilterPosition): ResolvedField {
  if (key === '')
    throw new FilterError(`'${def.name}.' needs a key`, at, [fieldLabel(def)], `e.g. ${def.example}`)
  return { def, ref: { name: def.name, key } }
}

function unknownField(shown: string, at: FilterPosition, guess: string | undefined): FilterError {
  return new FilterError(
    `unknown field '${truncate(shown)}'`,
    at,
    ['a field'],
    guess
      ? `did you mean '${truncate(guess)}'?`
      : 'fields are trace.*, span.*, session.id, user.id, metadata.<key>, tag.<key>, feedback.<name>, …',
  )
}

/** A fixed name within reach, or a keyed prefix within reach followed by the rest (`span.atributes.x`). */
function suggestion(word: string): string | undefined {
  const whole = closest(
    word,
    fixed.map((f) => f.name),
  )
  if (whole) return whole
  const segments = word.split('.')
  for (const def of keyed) {
    const depth = def.name.split('.').length
    if (segments.length <= depth) continue
    if (closest(segments.slice(0, depth).join('.'), [def.name])) {
      return `${def.name}.${segments.slice(depth).join('.')}`
    }
  }
  return undefined
}

function suggestPrefix(prefix: string, rest: string): string | undefined {
  const near = closest(
    prefix,
    keyed.map((f) => f.name),
  )
  return near ? `${near}${rest}` : undefined
}
