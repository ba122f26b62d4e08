import type { EvaluatorDefinition } from '@assay/core'
import { index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAtColumn, idColumn, updatedAtColumn } from './columns.js'
import { projectIdColumn } from './projects.js'

/**
 * Evaluators (judges and code scorers), versioned like prompts: a score
 * names `evaluator@version`, and a version never changes once written.
 */
export const evaluators = pgTable(
  'evaluators',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    latestVersion: integer('latest_version').notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('evaluators_project_name_unique').on(t.projectId, t.name)],
)

export const evaluatorVersions = pgTable(
  'evaluator_versions',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    evaluatorId: text('evaluator_id')
      .notNull()
      .references(() => evaluators.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<EvaluatorDefinition>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('evaluator_versions_evaluator_version_unique').on(t.evaluatorId, t.version),
    index('evaluator_versions_project_created_idx').on(t.projectId, t.createdAt),
  ],
)
