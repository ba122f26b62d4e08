import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  createPostgres,
  ensureDefaultProject,
  getProject,
  migratePostgres,
  PostgresConfigError,
  redactUrl,
} from '../../src/postgres/index.js'

/** The connection factory's choices and its errors, which operators see first when a setting is wrong. */

describe('createPostgres', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it.each([
    ['not a url', /invalid Postgres URL 'not a url'/],
    ['mysql://u:secret@db:3306/assay', /scheme must be postgres:\/\/ or postgresql:\/\//],
    ['postgres://u:secret@/assay', /invalid Postgres URL 'postgres:\/\/u:\*\*\*@\/assay'/],
    ['postgres:///assay', /no host/],
  ])('rejects %s with a PostgresConfigError that hides the password', async (url, message) => {
    const error = await createPostgres({ url }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PostgresConfigError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('secret')
  })

  it('says which server it could not reach, without the password', async () => {
    // Port 1 on loopback: nothing listens there, so the refusal is immediate.
    const error = await createPostgres({ url: 'postgres://u:secret@127.0.0.1:1/assay' }).catch(
      (e: unknown) => e,
    )
    expect((error as Error).message).toMatch(
      /cannot connect to Postgres at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/assay/,
    )
    expect((error as Error).message).not.toContain('secret')
  })

  it('masks passwords in URL-like text', () => {
    expect(redactUrl('postgres://assay:p%40ss@db:5432/x')).toBe('postgres://assay:***@db:5432/x')
    expect(redactUrl('postgres://db:5432/x')).toBe('postgres://db:5432/x')
  })

  it('keeps PGlite data in <dataDir>/pg across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'assay-pglite-'))
    dirs.push(dataDir)
    const first = await createPostgres({ dataDir })
    expect(first.kind).toBe('pglite')
    await migratePostgres(first)
    const created = await ensureDefaultProject(first.db)
    await first.close()
    expect(await readdir(dataDir)).toEqual(['pg'])

    const second = await createPostgres({ dataDir })
    try {
      await migratePostgres(second)
      expect(await getProject(second.db, 'default')).toEqual(created)
    } finally {
      await second.close()
    }
  }, 60_000)
})
