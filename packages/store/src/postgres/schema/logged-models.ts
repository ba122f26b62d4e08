import { LOGGED_MODEL_STATUSES, type LoggedModelParams, type LoggedModelStatus } from '@assay/core'
import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core'
import { checkOneOf, createdAtColumn, idColumn, jsonObjectColumn } from './columns.js'
import { projectIdColumn } from './projects.js'

/** LoggedModels: application versions that traces and evaluation runs point at. */
export const loggedModels = pgTable(
  'logged_models',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    params: jsonObjectColumn<LoggedModelParams>('params'),
    tags: jsonObjectColumn<Record<string, string>>('tags'),
    gitCommit: text('git_commit'),
    gitBranch: text('git_branch'),
    gitDirty: boolean('git_dirty'),
    source: text('source'),
    status: text('status').$type<LoggedModelStatus>().notNull().default('ready'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('logged_models_project_created_idx').on(t.projectId, t.createdAt),
    index('logged_models_project_name_idx').on(t.projectId, t.name),
    checkOneOf('logged_models_status_check', t.status, LOGGED_MODEL_STATUSES),
  ],
)
