/**
 * LoggedModel, evaluator and evaluation-run rows as the domain types of
 * @assay/core: times become epoch milliseconds, git columns one object.
 */
import type { EvaluationRun, Evaluator, EvaluatorVersion, LoggedModel } from '@assay/core'
import type { evaluationRuns, evaluators, evaluatorVersions, loggedModels } from '../schema/index.js'

export function toLoggedModel(row: typeof loggedModels.$inferSelect): LoggedModel {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    params: row.params,
    tags: row.tags,
    git: { commit: row.gitCommit, branch: row.gitBranch, dirty: row.gitDirty },
    source: row.source,
    status: row.status,
    createdAt: row.createdAt.getTime(),
  }
}

export function toEvaluator(row: typeof evaluators.$inferSelect): Evaluator {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    description: row.description,
    latestVersion: row.latestVersion,
    createdAt: row.createdAt.getTime(),
  }
}

export function toEvaluatorVersion(row: typeof evaluatorVersions.$inferSelect): EvaluatorVersion {
  return {
    evaluatorId: row.evaluatorId,
    projectId: row.projectId,
    version: row.version,
    definition: row.definition,
    createdAt: row.createdAt.getTime(),
  }
}

export function toEvaluationRun(row: typeof evaluationRuns.$inferSelect): EvaluationRun {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    datasetId: row.datasetId,
    datasetVersion: row.datasetVersion,
    loggedModelId: row.loggedModelId,
    evaluators: row.evaluators,
    status: row.status,
    config: row.config,
    summary: row.summary,
    error: row.error,
    createdAt: row.createdAt.getTime(),
    startedAt: row.startedAt?.getTime() ?? null,
    finishedAt: row.finishedAt?.getTime() ?? null,
  }
}
