/**
 * An evaluation run's items: the standing assessments that carry the run's
 * id, grouped by trace (one trace per scored item), in the order the run
 * scored them, a page at a time. An item passed when every scorer's verdict
 * passed; a scorer's verdict is `metadata.passed` as the runner wrote it,
 * else a boolean value; an error is a failure.
 *
 * `run_id` is not in the sort key: the read is bounded by the run's
 * creation time and a row cap, and each assessment counts once in its
 * latest state (`LIMIT 1 BY assessment_id`).
 */
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { ClickHouse } from '../connect.js'
import { queryRows } from '../read/query-rows.js'
import type { AssessmentRecord } from './assessment-record.js'
import { fromStored, STORED_COLUMNS, type StoredAssessment } from './stored-row.js'

/** Assessments read per run: a dataset of 10,000 items with ten scorers. */
export const MAX_RUN_ASSESSMENTS = 100_000

export const RUN_ITEM_OUTCOMES = ['all', 'failed', 'passed'] as const
export type RunItemOutcome = (typeof RUN_ITEM_OUTCOMES)[number]

export interface RunItemScores {
  trace_id: string
  /** True when every verdict passed, false when one failed or errored, null when none decides. */
  passed: boolean | null
  /** The run's standing assessments of this trace, oldest first. */
  scores: AssessmentRecord[]
}

export interface RunItemsOptions {
  /** Epoch milliseconds: no assessment of the run is older (the run's creation). */
  since: number
  outcome?: RunItemOutcome
  /** 1 to 500, default 50. */
  limit?: number
  cursor?: string
}

export interface RunItemsPage {
  items: RunItemScores[]
  /** Items of the run (any outcome), and of them failed. */
  total: number
  failed: number
  nextCursor?: string
}

/** Every standing assessment of a run, oldest first. */
export async function listRunAssessments(
  ch: ClickHouse,
  projectId: string,
  runId: string,
  since: number,
): Promise<AssessmentRecord[]> {
  const rows = await queryRows<StoredAssessment>(
    ch,
    `SELECT * FROM (
    SELECT ${STORED_COLUMNS}
    FROM ${ch.database}.assessments
    WHERE project_id = {project:String} AND run_id = {run:String}
      AND created_at >= fromUnixTimestamp64Milli({since:Int64})
    ORDER BY version DESC, deleted DESC, valid ASC
    LIMIT 1 BY assessment_id
)
WHERE valid AND NOT deleted
ORDER BY created_ms, assessment_id
LIMIT {limit:UInt32}`,
    { project: projectId, run: runId, since, limit: MAX_RUN_ASSESSMENTS },
  )
  return rows.map((row) => fromStored(row))
}

/** A verdict: `metadata.passed` when the scorer set it, else a boolean value; an error fails. */
export function verdictOf(a: Pick<AssessmentRecord, 'error' | 'metadata' | 'value'>): boolean | null {
  if (a.error) return false
  const passed = a.metadata.passed
  if (passed === 'true' || passed === 'false') return passed === 'true'
  return typeof a.value === 'boolean' ? a.value : null
}

/** The run's assessments as items, in the order each trace was first scored. */
export function groupRunItems(assessments: AssessmentRecord[]): RunItemScores[] {
  const byTrace = new Map<string, RunItemScores>()
  for (const a of assessments) {
    const item = byTrace.get(a.trace_id) ?? { trace_id: a.trace_id, passed: null, scores: [] }
    byTrace.set(a.trace_id, item)
    item.scores.push(a)
  }
  for (const item of byTrace.values()) {
    const verdicts = item.scores.map(verdictOf).filter((v) => v !== null)
    item.passed = verdicts.length === 0 ? null : verdicts.every(Boolean)
  }
  return [...byTrace.values()]
}

const POSITION = /^\d{1,9}$/

export async function listRunItems(
  ch: ClickHouse,
  projectId: string,
  runId: string,
  options: RunItemsOptions,
): Promise<RunItemsPage> {
  const outcome = options.outcome ?? 'all'
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500)
  const scope = `run-items:${runId}:${outcome}`
  const after = options.cursor ? Number(decodeCursor(options.cursor, scope, [POSITION])[0]) : 0
  const all = groupRunItems(await listRunAssessments(ch, projectId, runId, options.since))
  const chosen =
    outcome === 'all'
      ? all
      : all.filter((i) => (outcome === 'failed' ? i.passed === false : i.passed === true))
  const items = chosen.slice(after, after + limit)
  return {
    items,
    total: all.length,
    failed: all.filter((i) => i.passed === false).length,
    ...(after + limit < chosen.length ? { nextCursor: encodeCursor(scope, [String(after + limit)]) } : {}),
  }
}
