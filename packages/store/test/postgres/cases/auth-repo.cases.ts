import { describe, expect, it } from 'vitest'
import {
  ADMIN_USER_ID,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  ensureAdminUser,
  findLiveSession,
  setAdminSecretHashIfUnset,
} from '../../../src/index.js'
import { migratePostgres } from '../../../src/postgres/index.js'
import { uniqueName } from '../fixtures.js'
import { type CaseContext, closeAll } from '../harness.js'

/** The admin user and dashboard sessions: first-start races and expiry. */
export function authRepoCases(ctx: CaseContext): void {
  describe('admin user and sessions', () => {
    it('stores exactly one generated admin secret when servers start at once', async () => {
      const handles = await ctx.harness.openEmpty(3)
      try {
        await migratePostgres(handles[0]!)
        await Promise.all(handles.map((pg) => ensureAdminUser(pg.db)))
        const won = await Promise.all(handles.map((pg, i) => setAdminSecretHashIfUnset(pg.db, `hash-${i}`)))
        expect(won.filter(Boolean)).toHaveLength(1)
        const admin = await ensureAdminUser(handles[0]!.db)
        expect(admin.secretHash).toBe(`hash-${won.indexOf(true)}`)
        expect(await setAdminSecretHashIfUnset(handles[1]!.db, 'later')).toBe(false)
      } finally {
        await closeAll(handles)
      }
    }, 60_000)

    it('finds live sessions only, and deletes them', async () => {
      await ensureAdminUser(ctx.pg.db)
      const live = uniqueName('s')
      const dead = uniqueName('s')
      await createSession(ctx.pg.db, {
        id: live,
        userId: ADMIN_USER_ID,
        expiresAt: new Date(Date.now() + 60_000),
      })
      await createSession(ctx.pg.db, { id: dead, userId: ADMIN_USER_ID, expiresAt: new Date(Date.now() - 1) })
      expect(await findLiveSession(ctx.pg.db, live)).toMatchObject({ id: live, userId: ADMIN_USER_ID })
      expect(await findLiveSession(ctx.pg.db, dead)).toBeNull()
      expect(await deleteExpiredSessions(ctx.pg.db)).toBeGreaterThanOrEqual(1)
      await deleteSession(ctx.pg.db, live)
      expect(await findLiveSession(ctx.pg.db, live)).toBeNull()
    })
  })
}
