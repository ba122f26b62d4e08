/**
 * Migration 5: assessment state changes without rewriting rows in place.
 *
 * An override or a delete re-inserts the old assessment with `valid = false`
 * (and `deleted = true` for a delete) and a higher `version`. Reads take the
 * row with the highest version per assessment (`argMax` / `LIMIT 1 BY`), so
 * unmerged duplicates are harmless without FINAL. The table engine was
 * created without a version column and an engine's arguments cannot be
 * altered; on merge it keeps the last inserted row, which is the latest
 * state because a state change is always written after the row it reads.
 *
 * Two skip indexes serve the reads that do not know the trace: an
 * assessment by id (override, delete) and a name's earlier values (the
 * value-type check). They apply to parts written from now on.
 */
import { type DdlContext, render } from './render.js'

const COLUMNS = `ADD COLUMN IF NOT EXISTS deleted Bool DEFAULT false AFTER valid,
    ADD COLUMN IF NOT EXISTS version UInt64 DEFAULT 0`

const INDEXES = `ADD INDEX IF NOT EXISTS idx_assessment_id assessment_id TYPE bloom_filter(0.001) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS idx_name name TYPE bloom_filter(0.01) GRANULARITY 1`

export function assessmentVersionStatements(ctx: DdlContext): string[] {
  const statements = [render(`ALTER TABLE {database}.assessments{local} {on_cluster}\n    ${COLUMNS}`, ctx)]
  // On a cluster the Distributed table has its own column list; it gets the columns but not the indexes.
  if (ctx.cluster)
    statements.push(render(`ALTER TABLE {database}.assessments {on_cluster}\n    ${COLUMNS}`, ctx))
  statements.push(render(`ALTER TABLE {database}.assessments{local} {on_cluster}\n    ${INDEXES}`, ctx))
  return statements
}
