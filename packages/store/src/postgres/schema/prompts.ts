import type { PromptModelConfig, PromptTemplate } from '@assay/core'
import { RESERVED_ALIAS } from '@assay/core'
import { sql } from 'drizzle-orm'
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { createdAtColumn, idColumn, jsonObjectColumn, timestampColumn, updatedAtColumn } from './columns.js'
import { projectIdColumn } from './projects.js'

/**
 * The prompt registry. Versions are immutable rows numbered per prompt;
 * `prompts.latest_version` is the counter a new version increments, so two
 * concurrent saves get different numbers instead of a conflict. Aliases
 * point at a version through a foreign key, so an alias can never name a
 * version that does not exist; every move is recorded in the history.
 */
export const prompts = pgTable(
  'prompts',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tags: jsonObjectColumn<Record<string, string>>('tags'),
    latestVersion: integer('latest_version').notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('prompts_project_name_unique').on(t.projectId, t.name)],
)

export const promptVersions = pgTable(
  'prompt_versions',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    promptId: text('prompt_id')
      .notNull()
      .references(() => prompts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    template: jsonb('template').$type<PromptTemplate>().notNull(),
    modelConfig: jsonb('model_config').$type<PromptModelConfig>(),
    responseFormat: jsonb('response_format').$type<Record<string, unknown>>(),
    commitMessage: text('commit_message').notNull().default(''),
    author: text('author').notNull().default(''),
    tags: jsonObjectColumn<Record<string, string>>('tags'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('prompt_versions_prompt_version_unique').on(t.promptId, t.version),
    index('prompt_versions_project_created_idx').on(t.projectId, t.createdAt),
    check('prompt_versions_version_positive', sql`${t.version} > 0`),
  ],
)

export const promptAliases = pgTable(
  'prompt_aliases',
  {
    projectId: projectIdColumn(),
    promptId: text('prompt_id')
      .notNull()
      .references(() => prompts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    updatedBy: text('updated_by').notNull().default(''),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    primaryKey({ name: 'prompt_aliases_pk', columns: [t.promptId, t.name] }),
    foreignKey({
      name: 'prompt_aliases_version_fk',
      columns: [t.promptId, t.version],
      foreignColumns: [promptVersions.promptId, promptVersions.version],
    }).onDelete('cascade'),
    index('prompt_aliases_project_prompt_idx').on(t.projectId, t.promptId),
    check('prompt_aliases_not_reserved', sql`${t.name} <> ${sql.raw(`'${RESERVED_ALIAS}'`)}`),
  ],
)

/** Append-only log of alias moves: who pointed `production` where, and when. */
export const promptAliasHistory = pgTable(
  'prompt_alias_history',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    promptId: text('prompt_id')
      .notNull()
      .references(() => prompts.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    /** Null when the alias was deleted. */
    version: integer('version'),
    previousVersion: integer('previous_version'),
    changedBy: text('changed_by').notNull().default(''),
    changedAt: timestampColumn('changed_at').notNull().defaultNow(),
  },
  (t) => [index('prompt_alias_history_project_prompt_idx').on(t.projectId, t.promptId, t.alias, t.changedAt)],
)
