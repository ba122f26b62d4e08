import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // These tests start real servers as child processes (embedded storage takes seconds to open).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
