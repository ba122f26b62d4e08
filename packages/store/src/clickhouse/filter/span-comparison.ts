/**
 * Span-level comparisons: a condition on one row of `spans`, using the
 * table's unqualified column names. Map keys (`span.attributes.<key>`,
 * `metadata.<key>`, `tag.<key>`) are parameters like values.
 */
import { type Comparison, parsePromptRef, type Scalar } from '@assay/core'
import {
  comparedValue,
  compareNumber,
  compareText,
  negateIf,
  type PositiveOp,
  splitNegation,
} from './compare.js'
import { MAP_COLUMNS, NUMBER_COLUMNS, TEXT_COLUMNS } from './span-columns.js'
import type { ParamBag } from './sql-fragment.js'

export function isSpanField(name: string): boolean {
  return name in TEXT_COLUMNS || name in NUMBER_COLUMNS || name in MAP_COLUMNS || name === 'prompt'
}

export function compileSpanComparison(c: Comparison, params: ParamBag): string {
  const name = c.field.name
  const map = MAP_COLUMNS[name]
  if (map !== undefined) return mapComparison(map, c, params)
  const { op, negate } = splitNegation(c.op)
  const value = comparedValue(c)
  const number = NUMBER_COLUMNS[name]
  if (number !== undefined) return negateIf(negate, compareNumber(number, op, value, params))
  if (name === 'prompt') return negateIf(negate, promptComparison(op, value, params))
  const columns = TEXT_COLUMNS[name]
  if (columns === undefined) throw new TypeError(`not a span field: ${name}`)
  return negateIf(negate, either(columns.map((col) => compareText(col, op, value, params))))
}

function mapComparison(map: string, c: Comparison, params: ParamBag): string {
  if (c.field.key === undefined) throw new TypeError(`${c.field.name} needs a key`)
  const key = params.add(c.field.key, 'String')
  if (c.op === 'exists') return `mapContains(${map}, ${key})`
  const { op, negate } = splitNegation(c.op)
  const value = comparedValue(c)
  const cell = `${map}[${key}]`
  // A number compares numerically ('0.20' = 0.2); a value that is absent or not a number never matches.
  const numeric = !Array.isArray(value) && value.kind === 'number'
  const sql = numeric
    ? `ifNull(${compareNumber(`toFloat64OrNull(${cell})`, op, value, params)}, 0)`
    : compareText(cell, op, value, params)
  return negateIf(negate, sql)
}

/** `"name"` matches any version, `"name/3"` that version; patterns match `name` or `name/version`. */
function promptComparison(op: PositiveOp, value: Scalar | Scalar[], params: ParamBag): string {
  if (op === 'like' || op === 'ilike') {
    return either(
      ['prompt_name', "concat(prompt_name, '/', prompt_version)"].map((col) =>
        compareText(col, op, value, params),
      ),
    )
  }
  if (op !== '=' && op !== 'in') throw new TypeError(`prompt does not take ${op}`)
  const refs = (Array.isArray(value) ? value : [value]).map((s) =>
    parsePromptRef(s.kind === 'string' ? s.value : ''),
  )
  return either(
    refs.map((ref) => {
      const name = `prompt_name = ${params.add(ref.name, 'String')}`
      return ref.version === undefined
        ? name
        : `(${name} AND prompt_version = ${params.add(ref.version, 'String')})`
    }),
  )
}

function either(conditions: string[]): string {
  return conditions.length === 1 ? conditions[0]! : `(${conditions.join(' OR ')})`
}
