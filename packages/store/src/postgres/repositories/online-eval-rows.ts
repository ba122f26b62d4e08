/**
 * Online-evaluation rows as the domain types of @assay/core: times become
 * epoch milliseconds, and a rule carries its evaluator's name (joined in),
 * since people and the API name evaluators, not their ids.
 */
import type { OnlineEvalJob, OnlineEvalRule } from '@assay/core'
import { getTableColumns } from 'drizzle-orm'
import { evaluators, type onlineEvalJobs, onlineEvalRules } from '../schema/index.js'

/** Columns to select for `toRule`: the rule and its evaluator's name. */
export const RULE_COLUMNS = { ...getTableColumns(onlineEvalRules), evaluatorName: evaluators.name }

export type RuleRow = typeof onlineEvalRules.$inferSelect & { evaluatorName: string }
export type JobRow = typeof onlineEvalJobs.$inferSelect

export function toRule(row: RuleRow): OnlineEvalRule {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    filter: row.filter,
    sampleRate: row.sampleRate,
    evaluator: { id: row.evaluatorId, name: row.evaluatorName, version: row.evaluatorVersion },
    enabled: row.enabled,
    matchedUntil: row.matchedUntil?.getTime() ?? null,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  }
}

export function toJob(row: JobRow): OnlineEvalJob {
  return {
    id: row.id,
    ruleId: row.ruleId,
    traceId: row.traceId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    availableAt: row.availableAt.getTime(),
    createdAt: row.createdAt.getTime(),
    finishedAt: row.finishedAt?.getTime() ?? null,
  }
}
