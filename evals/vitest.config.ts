import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The runner's tests start a real API and a model server; under a loaded
    // CI machine a whole run of judged items takes seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
