import { DEFAULT_PROJECT_ID } from '@assay/core'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  createProject,
  ensureDefaultProject,
  getProject,
  listProjects,
  migratePostgres,
  pgSchema,
} from '../../../src/postgres/index.js'
import { uniqueName } from '../fixtures.js'
import { type CaseContext, closeAll } from '../harness.js'

/** The project repository, including the first-start path that every server runs at once. */
export function projectCases(ctx: CaseContext): void {
  describe('projects', () => {
    it('creates the default project once when many callers race on an empty database', async () => {
      const handles = await ctx.harness.openEmpty(3)
      try {
        await migratePostgres(handles[0]!)
        const calls = handles.flatMap((pg) => Array.from({ length: 4 }, () => ensureDefaultProject(pg.db)))
        const results = await Promise.all(calls)
        expect(new Set(results.map((p) => p.id))).toEqual(new Set([DEFAULT_PROJECT_ID]))
        expect(new Set(results.map((p) => p.createdAt)).size).toBe(1)
        const count = await handles[0]!.db.$count(
          pgSchema.projects,
          eq(pgSchema.projects.id, DEFAULT_PROJECT_ID),
        )
        expect(count).toBe(1)
      } finally {
        await closeAll(handles)
      }
    }, 60_000)

    it('ensureDefaultProject is idempotent', async () => {
      const first = await ensureDefaultProject(ctx.pg.db)
      const second = await ensureDefaultProject(ctx.pg.db)
      expect(second).toEqual(first)
      expect(first).toMatchObject({ id: DEFAULT_PROJECT_ID, name: DEFAULT_PROJECT_ID, description: '' })
    })

    it('gets a project by id, and null for an unknown id', async () => {
      const id = uniqueName('p')
      const created = await createProject(ctx.pg.db, { id, name: `Project ${id}`, description: 'for tests' })
      expect(created).toMatchObject({ id, name: `Project ${id}`, description: 'for tests' })
      expect(await getProject(ctx.pg.db, id)).toEqual(created)
      expect(await getProject(ctx.pg.db, uniqueName('missing'))).toBeNull()
    })

    it('derives an id from the name and refuses a taken id or name', async () => {
      const name = uniqueName('My Project')
      const created = await createProject(ctx.pg.db, { name })
      expect(created?.id).toBe(name.toLowerCase().replace(' ', '-'))
      expect(await createProject(ctx.pg.db, { name })).toBeNull()
      expect(await createProject(ctx.pg.db, { id: uniqueName('other'), name })).toBeNull()
    })

    it('lists projects by id in keyset pages', async () => {
      const prefix = uniqueName('list')
      for (const n of [3, 1, 2])
        await createProject(ctx.pg.db, { id: `${prefix}-${n}`, name: `${prefix}-${n}` })
      const all = await listProjects(ctx.pg.db, { limit: 1000 })
      const page = await listProjects(ctx.pg.db, { after: `${prefix}-1`, limit: 2 })
      expect(page.map((p) => p.id)).toEqual([`${prefix}-2`, `${prefix}-3`])
      const total = await ctx.pg.db.execute<{ n: number }>(sql`select count(*)::int as n from projects`)
      expect(all.length).toBe(Math.min(total.rows[0]!.n, 1000))
    })
  })
}
