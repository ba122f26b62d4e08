import { defineConfig } from 'drizzle-kit'

// drizzle-kit reads the pg-core schema and writes SQL migrations to ./drizzle, which are committed
// and applied at start-up by src/postgres/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/postgres/schema/index.ts',
  out: './drizzle',
})
