/**
 * Standing assessments of one name across a project, whoever wrote them
 * (people, judges, code), for judge calibration: which traces carry both a
 * human label and a judge's verdict of that name. Bounded by creation time
 * and a row cap; each assessment appears once in its latest state, and
 * overridden or deleted ones are left out.
 */

import type { AssessmentRecord } from '../assessments/assessment-record.js'
import { fromStored, STORED_COLUMNS, type StoredAssessment } from '../assessments/stored-row.js'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'

export interface AssessmentsByNameQuery {
  projectId: string
  name: string
  /** Creation window, epoch milliseconds: [from, to). */
  from: number
  to: number
  /** At most this many assessments (the newest are not preferred: the cap guards memory, not sampling). */
  limit: number
}

export async function listAssessmentsByName(
  ch: ClickHouse,
  q: AssessmentsByNameQuery,
): Promise<AssessmentRecord[]> {
  const rows = await queryRows<StoredAssessment>(
    ch,
    `SELECT * FROM (
    SELECT ${STORED_COLUMNS}
    FROM ${ch.database}.assessments
    WHERE project_id = {project:String} AND name = {name:String}
      AND created_at >= fromUnixTimestamp64Milli({from:Int64})
      AND created_at < fromUnixTimestamp64Milli({to:Int64})
    ORDER BY version DESC, deleted DESC, valid ASC
    LIMIT 1 BY assessment_id
)
WHERE valid AND NOT deleted
LIMIT {limit:UInt32}`,
    { project: q.projectId, name: q.name, from: q.from, to: q.to, limit: q.limit },
  )
  return rows.map((row) => fromStored(row))
}
