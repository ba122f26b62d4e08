import type { ApiKeyScope } from '@assay/core'
import { sql } from 'drizzle-orm'
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAtColumn, idColumn, timestampColumn } from './columns.js'
import { projectIdColumn } from './projects.js'

/**
 * API keys. Only a hash of the secret is kept; the prefix is what a key is
 * found by when a request arrives.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: idColumn(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().$type<ApiKeyScope[]>().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAtColumn(),
    lastUsedAt: timestampColumn('last_used_at'),
    revokedAt: timestampColumn('revoked_at'),
  },
  (t) => [
    index('api_keys_project_idx').on(t.projectId, t.createdAt),
    // Authentication looks a key up before it knows the project, so this
    // one index cannot start with project_id.
    uniqueIndex('api_keys_prefix_unique').on(t.prefix),
  ],
)
