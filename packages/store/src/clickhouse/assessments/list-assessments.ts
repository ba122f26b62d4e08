/**
 * The two per-trace lists built on the history: what a trace shows by
 * default (current assessments only) and the older `listAssessments`,
 * which the trace detail uses (everything not deleted, overridden rows
 * marked `valid: false`, as plain `Assessment`s).
 */
import type { Assessment } from '@assay/core'
import type { ClickHouse } from '../connect.js'
import { type AssessmentRecord, toAssessment } from './assessment-record.js'
import { listAssessmentHistory } from './list-history.js'

/** Assessments that stand: neither overridden nor deleted. */
export async function listCurrentAssessments(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<AssessmentRecord[]> {
  const history = await listAssessmentHistory(ch, projectId, traceId)
  return history.filter(isCurrent)
}

/** Valid, not deleted, and no successor (an override whose invalidation did not land still counts as overridden). */
export function isCurrent(record: AssessmentRecord): boolean {
  return record.valid && !record.deleted && record.overridden_by === ''
}

/** Every assessment of a trace that was not deleted, oldest first, deduplicated by id. */
export async function listAssessments(
  ch: ClickHouse,
  projectId: string,
  traceId: string,
): Promise<Assessment[]> {
  const history = await listAssessmentHistory(ch, projectId, traceId)
  return history.filter((r) => !r.deleted).map(toAssessment)
}
