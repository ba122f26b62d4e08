import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAtColumn } from './columns.js'

/**
 * Projects, the tenant boundary. The id is a readable slug (`default`)
 * because it is also the `project_id` of every ClickHouse row and appears
 * in URLs.
 */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('projects_name_unique').on(t.name)],
)

/** The owning project of a row; deleting a project deletes its metadata with it. */
export const projectIdColumn = () =>
  text('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' })
