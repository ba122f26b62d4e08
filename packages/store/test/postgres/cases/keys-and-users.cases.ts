import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pgSchema } from '../../../src/postgres/index.js'
import { expectPgError, newProject, uniqueName } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** api_keys, users and sessions: plain rows, but their unique keys are what authentication relies on. */
export function keyAndUserCases(ctx: CaseContext): void {
  const { apiKeys, sessions, users } = pgSchema

  describe('api keys, users and sessions', () => {
    it('stores an api key with scopes and finds it by prefix', async () => {
      const projectId = await newProject(ctx.pg.db)
      const prefix = uniqueName('ak')
      await ctx.pg.db
        .insert(apiKeys)
        .values({ projectId, name: 'ci', prefix, secretHash: 'h1', scopes: ['ingest', 'read'] })
      const [row] = await ctx.pg.db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix))
      expect(row).toMatchObject({
        projectId,
        name: 'ci',
        scopes: ['ingest', 'read'],
        revokedAt: null,
        lastUsedAt: null,
      })
      expect(row!.createdAt).toBeInstanceOf(Date)
      await expectPgError(
        ctx.pg.db.insert(apiKeys).values({ projectId, name: 'dup', prefix, secretHash: 'h2' }),
        '23505',
      )
    })

    it('refuses a key for a project that does not exist', async () => {
      await expectPgError(
        ctx.pg.db
          .insert(apiKeys)
          .values({ projectId: uniqueName('nope'), name: 'x', prefix: uniqueName('ak'), secretHash: 'h' }),
        '23503',
      )
    })

    it('stores users with case-insensitive unique emails, and their sessions', async () => {
      const email = `${uniqueName('user')}@example.com`
      const [user] = await ctx.pg.db.insert(users).values({ email, name: 'Ada' }).returning()
      await expectPgError(ctx.pg.db.insert(users).values({ email: email.toUpperCase() }), '23505')
      const expiresAt = new Date(Date.now() + 3_600_000)
      await ctx.pg.db.insert(sessions).values({ id: uniqueName('sess'), userId: user!.id, expiresAt })
      const rows = await ctx.pg.db.select().from(sessions).where(eq(sessions.userId, user!.id))
      expect(rows).toHaveLength(1)
      expect(rows[0]!.expiresAt.getTime()).toBe(expiresAt.getTime())
    })
  })
}
