/**
 * A name keeps one value type: once `helpful` was a boolean, a number under
 * that name is refused, because pass rates, means and distributions are
 * computed per name and a mix would make each of them wrong.
 *
 * The earlier type is that of any stored value of the name in the project
 * (deleted and overridden ones included; failed judges, whose value means
 * nothing, excluded). `LIMIT 1` stops at the first row found, and the
 * `idx_name` skip index keeps a name's first use from reading every part.
 * Two first uses racing with different types can both pass; the rule is a
 * guard for callers, not a constraint of the table.
 */
import type { AssessmentValue, AssessmentValueType } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import { AssessmentRejected } from './assessment-rejected.js'
import { valueType } from './stored-row.js'

/** The type of the name's earlier values, or undefined for a new name. */
export async function earlierValueType(
  ch: ClickHouse,
  projectId: string,
  name: string,
): Promise<AssessmentValueType | undefined> {
  const [row] = await queryRows<{ value_type: AssessmentValueType }>(
    ch,
    `SELECT value_type FROM ${ch.database}.assessments
WHERE project_id = {project:String} AND name = {name:String} AND error = ''
LIMIT 1`,
    { project: projectId, name },
  )
  return row?.value_type
}

export async function checkValueType(
  ch: ClickHouse,
  projectId: string,
  name: string,
  value: AssessmentValue,
): Promise<void> {
  const earlier = await earlierValueType(ch, projectId, name)
  const given = valueType(value)
  if (earlier !== undefined && earlier !== given) {
    throw new AssessmentRejected(
      'value_type',
      `must be a ${earlier} like the earlier values of "${name}", not a ${given}`,
      'value',
    )
  }
}
