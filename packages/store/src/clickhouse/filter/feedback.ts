/**
 * `feedback.<name> <op> <value>`: the trace has a feedback assessment of
 * that name that stands and whose value satisfies the comparison. Negative
 * operators apply to the value (`feedback.tone != 'rude'`: some `tone`
 * that is not rude); to say "no such feedback" negate the condition
 * (`NOT feedback.tone = 'rude'`).
 *
 * "Stands" is the assessments module's rule: an override or delete
 * re-inserts the old row with a higher `version` and `valid = false`
 * (`deleted = true`), and unmerged duplicates linger, so each assessment
 * folds to its latest state (argMax by version) before it counts; a judge
 * error (`error != ''`) carries no value. The value columns never change
 * between states of one assessment, so the value test can prune rows first.
 */
import type { Comparison, Scalar } from '@assay/core'
import { comparedValue, compareNumber, compareText, negateIf, splitNegation } from './compare.js'
import { type ParamBag, tableName } from './sql-fragment.js'

const LATEST = '(version, deleted, NOT valid)'

export function compileFeedback(c: Comparison, database: string, params: ParamBag): string {
  if (c.field.key === undefined) throw new TypeError('feedback needs a name')
  const conditions = [
    'project_id = {project_id:String}',
    "type = 'feedback'",
    `name = ${params.add(c.field.key, 'String')}`,
    "error = ''",
  ]
  if (c.op !== 'exists') conditions.push(valueCondition(c, params))
  return `trace_id IN (SELECT trace_id FROM ${tableName(database, 'assessments')} WHERE ${conditions.join(' AND ')} GROUP BY trace_id, assessment_id HAVING argMax(valid, ${LATEST}) AND NOT argMax(deleted, ${LATEST}))`
}

function valueCondition(c: Comparison, params: ParamBag): string {
  const { op, negate } = splitNegation(c.op)
  const value = comparedValue(c)
  const kind = kindOf(value)
  if (kind === 'number') {
    return `value_type = 'number' AND ${negateIf(negate, compareNumber('assumeNotNull(value_number)', op, value, params))}`
  }
  if (kind === 'boolean') {
    const bool = !Array.isArray(value) && value.kind === 'boolean' && value.value
    if (op !== '=') throw new TypeError(`a boolean takes = or !=, not ${op}`)
    return `value_type = 'boolean' AND assumeNotNull(value_bool) = ${params.add(negate ? !bool : bool, 'Bool')}`
  }
  return `value_type = 'string' AND ${negateIf(negate, compareText('assumeNotNull(value_string)', op, value, params))}`
}

function kindOf(value: Scalar | Scalar[]): Scalar['kind'] {
  const first = Array.isArray(value) ? value[0] : value
  return first?.kind ?? 'string'
}
