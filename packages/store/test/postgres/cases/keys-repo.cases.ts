import { describe, expect, it } from 'vitest'
import {
  findApiKeyByPrefix,
  InvalidCursorError,
  insertApiKey,
  listApiKeys,
  listProjectPage,
  revokeApiKey,
  touchApiKey,
} from '../../../src/index.js'
import { newProject, uniqueName } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** The API-key repository: scoped by project everywhere except the by-prefix lookup that authentication needs. */
export function keysRepoCases(ctx: CaseContext): void {
  describe('api key repository', () => {
    const newKey = (projectId: string, name = 'ci') =>
      insertApiKey(ctx.pg.db, { projectId, name, prefix: uniqueName('ak'), secretHash: 'hash' })

    it('creates a key with default scopes and finds it by prefix with its hash', async () => {
      const projectId = await newProject(ctx.pg.db)
      const key = (await newKey(projectId))!
      expect(key).toMatchObject({
        projectId,
        name: 'ci',
        scopes: ['ingest', 'read', 'write'],
        revokedAt: null,
      })
      expect(key).not.toHaveProperty('secretHash')
      const found = await findApiKeyByPrefix(ctx.pg.db, key.prefix)
      expect(found).toEqual({ key, secretHash: 'hash' })
      expect(await findApiKeyByPrefix(ctx.pg.db, uniqueName('ak'))).toBeNull()
    })

    it('returns null for a project that does not exist', async () => {
      expect(await newKey(uniqueName('missing'))).toBeNull()
    })

    it('lists a project’s keys newest first in pages, and no other project’s', async () => {
      const projectId = await newProject(ctx.pg.db)
      const other = await newProject(ctx.pg.db)
      await newKey(other)
      const made = []
      for (let i = 0; i < 5; i++) made.push((await newKey(projectId, `k${i}`))!)
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await listApiKeys(ctx.pg.db, projectId, { limit: 2, cursor })
        seen.push(...page.items.map((k) => k.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen.sort()).toEqual(made.map((k) => k.id).sort())
      const first = await listApiKeys(ctx.pg.db, projectId, { limit: 5 })
      expect(first.nextCursor).toBeUndefined()
      const times = first.items.map((k) => k.createdAt)
      expect([...times].sort((a, b) => b - a)).toEqual(times)
      await expect(listApiKeys(ctx.pg.db, projectId, { cursor: 'bm9wZQ' })).rejects.toThrow(
        InvalidCursorError,
      )
    })

    it('revokes only within the project, once, and records last use', async () => {
      const projectId = await newProject(ctx.pg.db)
      const other = await newProject(ctx.pg.db)
      const key = (await newKey(projectId))!
      expect(await revokeApiKey(ctx.pg.db, other, key.id)).toBeNull()
      expect((await findApiKeyByPrefix(ctx.pg.db, key.prefix))!.key.revokedAt).toBeNull()
      const revoked = (await revokeApiKey(ctx.pg.db, projectId, key.id))!
      expect(revoked.revokedAt).toBeGreaterThan(0)
      const again = (await revokeApiKey(ctx.pg.db, projectId, key.id))!
      expect(again.revokedAt).toBe(revoked.revokedAt)
      const at = new Date(Date.now() - 5000)
      await touchApiKey(ctx.pg.db, key.id, at)
      expect((await findApiKeyByPrefix(ctx.pg.db, key.prefix))!.key.lastUsedAt).toBe(at.getTime())
    })

    it('pages projects with an opaque cursor', async () => {
      const first = await listProjectPage(ctx.pg.db, { limit: 1 })
      expect(first.items).toHaveLength(1)
      if (first.nextCursor) {
        const second = await listProjectPage(ctx.pg.db, { limit: 1, cursor: first.nextCursor })
        expect(second.items[0]!.id > first.items[0]!.id).toBe(true)
      }
      await expect(listProjectPage(ctx.pg.db, { cursor: 'x' })).rejects.toThrow(InvalidCursorError)
    })
  })
}
