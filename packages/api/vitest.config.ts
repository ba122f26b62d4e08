import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test file opens embedded storage (PGlite initdb takes seconds).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
