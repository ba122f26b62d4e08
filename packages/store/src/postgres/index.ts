// Postgres metadata storage: connection factory (PGlite or a server), migrations, schema and repositories.
export { PostgresConfigError, type PostgresOptions, redactUrl } from './config.js'
export { createPostgres } from './connect.js'
export type { AssayDb, Postgres } from './db.js'
export { MIGRATIONS_FOLDER, migratePostgres } from './migrate.js'
export * from './repositories/projects.js'
export * as pgSchema from './schema/index.js'
