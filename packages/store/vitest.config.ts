import { defineProject } from 'vitest/config'

// globalSetup starts the PostgreSQL server that test/postgres runs its contract cases against.
export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
  },
})
