import type { TestProject } from 'vitest/node'
import { startTestPostgres } from './postgres/server.js'

/**
 * Starts one PostgreSQL server for the whole run and hands its URL to the
 * tests (`inject('postgresUrl')`); each test file makes its own databases
 * on it. ASSAY_TEST_DATABASE_URL points the tests at an existing server
 * instead (it must allow CREATE DATABASE).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.ASSAY_TEST_DATABASE_URL
  if (existing) {
    project.provide('postgresUrl', existing)
    return undefined
  }
  const server = await startTestPostgres()
  project.provide('postgresUrl', server.url)
  return () => server.stop()
}
