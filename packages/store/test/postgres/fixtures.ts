import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { type AssayDb, pgSchema } from '../../src/postgres/index.js'

/**
 * Test data helpers. Cases share one database per file, so each makes its
 * own project with a unique id instead of truncating.
 */

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`
}

export async function newProject(db: AssayDb): Promise<string> {
  const id = uniqueName('t')
  await db.insert(pgSchema.projects).values({ id, name: id })
  return id
}

/**
 * Asserts a rejection carrying a Postgres SQLSTATE (23505 unique, 23503
 * foreign key, 23514 check). drizzle wraps driver errors, so the code is
 * looked for along the `cause` chain.
 */
export async function expectPgError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, `expected SQLSTATE ${code}, got success`).toBeDefined()
  let current: unknown = error
  const codes: unknown[] = []
  while (current && typeof current === 'object') {
    if ('code' in current) codes.push(current.code)
    current = 'cause' in current ? current.cause : undefined
  }
  expect(codes).toContain(code)
}
