import { defineConfig } from 'vitest/config'

// One vitest project per package; each package's own vitest.config.ts holds its setup.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'collector', 'evals'],
  },
})
