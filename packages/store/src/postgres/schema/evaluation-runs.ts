import {
  EVALUATION_RUN_STATUSES,
  type EvaluationRunStatus,
  type EvaluationRunSummary,
  type EvaluatorRef,
} from '@assay/core'
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { checkOneOf, createdAtColumn, idColumn, jsonObjectColumn, timestampColumn } from './columns.js'
import { datasets } from './datasets.js'
import { loggedModels } from './logged-models.js'
import { projectIdColumn } from './projects.js'

/**
 * Evaluation runs. Per-item scores live in ClickHouse as assessments with
 * the run id; deleting a dataset or a LoggedModel keeps its runs (the
 * reference becomes null) because CI baselines still point at them.
 */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull().default(''),
    datasetId: text('dataset_id').references(() => datasets.id, { onDelete: 'set null' }),
    datasetVersion: integer('dataset_version'),
    loggedModelId: text('logged_model_id').references(() => loggedModels.id, { onDelete: 'set null' }),
    /** `[{name, version}]`: evaluators by name so a run outlives an evaluator's deletion. */
    evaluators: jsonb('evaluators').$type<EvaluatorRef[]>().notNull().default([]),
    status: text('status').$type<EvaluationRunStatus>().notNull().default('pending'),
    config: jsonObjectColumn<Record<string, unknown>>('config'),
    summary: jsonb('summary').$type<EvaluationRunSummary>(),
    error: text('error'),
    createdAt: createdAtColumn(),
    startedAt: timestampColumn('started_at'),
    finishedAt: timestampColumn('finished_at'),
  },
  (t) => [
    index('evaluation_runs_project_created_idx').on(t.projectId, t.createdAt),
    index('evaluation_runs_project_model_idx').on(t.projectId, t.loggedModelId),
    index('evaluation_runs_project_dataset_idx').on(t.projectId, t.datasetId),
    checkOneOf('evaluation_runs_status_check', t.status, EVALUATION_RUN_STATUSES),
  ],
)
