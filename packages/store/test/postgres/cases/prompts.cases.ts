import type { PromptTemplate } from '@assay/core'
import { and, asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type AssayDb, pgSchema } from '../../../src/postgres/index.js'
import { expectPgError, newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** The prompt registry's integrity rules live in the schema; these cases hold it to them. */

const { promptAliases, promptAliasHistory, prompts, promptVersions } = pgSchema

const chat: PromptTemplate = {
  type: 'chat',
  messages: [
    { role: 'system', content: 'You answer questions about {{product}}.' },
    { type: 'placeholder', name: 'history' },
    { role: 'user', content: '{{question}}' },
  ],
}

async function newPrompt(db: AssayDb) {
  const projectId = await newProject(db)
  const [prompt] = await db.insert(prompts).values({ projectId, name: 'support' }).returning()
  return { projectId, promptId: prompt!.id }
}

/** How versions are meant to be numbered: bump the prompt's counter, then write that version. */
async function nextVersion(db: AssayDb, promptId: string): Promise<number> {
  const [row] = await db
    .update(prompts)
    .set({ latestVersion: sql`${prompts.latestVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(prompts.id, promptId))
    .returning({ version: prompts.latestVersion })
  return row!.version
}

export function promptCases(ctx: CaseContext): void {
  describe('prompts', () => {
    it('stores immutable versions with template, model config and response format', async () => {
      const { projectId, promptId } = await newPrompt(ctx.pg.db)
      const responseFormat = { type: 'object', properties: { answer: { type: 'string' } } }
      for (const commitMessage of ['first', 'second']) {
        const version = await nextVersion(ctx.pg.db, promptId)
        await ctx.pg.db.insert(promptVersions).values({
          projectId,
          promptId,
          version,
          template: chat,
          modelConfig: { model: 'gpt-4o-mini', temperature: 0 },
          responseFormat,
          commitMessage,
          author: 'ada',
        })
      }
      const rows = await ctx.pg.db
        .select()
        .from(promptVersions)
        .where(eq(promptVersions.promptId, promptId))
        .orderBy(asc(promptVersions.version))
      expect(rows.map((r) => [r.version, r.commitMessage])).toEqual([
        [1, 'first'],
        [2, 'second'],
      ])
      expect(rows[0]).toMatchObject({ template: chat, responseFormat, modelConfig: { model: 'gpt-4o-mini' } })
    })

    it('enforces unique (prompt, version)', async () => {
      const { projectId, promptId } = await newPrompt(ctx.pg.db)
      const row = {
        projectId,
        promptId,
        version: 1,
        template: { type: 'text' as const, text: 'Hi {{name}}' },
      }
      await ctx.pg.db.insert(promptVersions).values(row)
      await expectPgError(ctx.pg.db.insert(promptVersions).values(row), '23505')
    })

    it('gives concurrent saves distinct version numbers', async () => {
      const { promptId } = await newPrompt(ctx.pg.db)
      const versions = await Promise.all(Array.from({ length: 8 }, () => nextVersion(ctx.pg.db, promptId)))
      expect([...versions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    })

    it('moves an alias between existing versions and records the history', async () => {
      const { projectId, promptId } = await newPrompt(ctx.pg.db)
      for (const version of [1, 2]) {
        await ctx.pg.db
          .insert(promptVersions)
          .values({ projectId, promptId, version, template: { type: 'text', text: `v${version}` } })
      }
      const alias = { projectId, promptId, name: 'production' }
      await ctx.pg.db.insert(promptAliases).values({ ...alias, version: 1 })
      await ctx.pg.db
        .insert(promptAliasHistory)
        .values({ projectId, promptId, alias: 'production', version: 1 })
      await ctx.pg.db
        .insert(promptAliases)
        .values({ ...alias, version: 2 })
        .onConflictDoUpdate({ target: [promptAliases.promptId, promptAliases.name], set: { version: 2 } })
      await ctx.pg.db
        .insert(promptAliasHistory)
        .values({ projectId, promptId, alias: 'production', version: 2, previousVersion: 1 })
      const [current] = await ctx.pg.db
        .select()
        .from(promptAliases)
        .where(and(eq(promptAliases.promptId, promptId), eq(promptAliases.name, 'production')))
      expect(current!.version).toBe(2)
      const history = await ctx.pg.db
        .select()
        .from(promptAliasHistory)
        .where(eq(promptAliasHistory.promptId, promptId))
      expect(history.map((h) => h.version).sort()).toEqual([1, 2])
    })

    it('refuses an alias to a missing version and the reserved name latest', async () => {
      const { projectId, promptId } = await newPrompt(ctx.pg.db)
      await ctx.pg.db.insert(promptVersions).values({ projectId, promptId, version: 1, template: chat })
      await expectPgError(
        ctx.pg.db.insert(promptAliases).values({ projectId, promptId, name: 'staging', version: 7 }),
        '23503',
      )
      await expectPgError(
        ctx.pg.db.insert(promptAliases).values({ projectId, promptId, name: 'latest', version: 1 }),
        '23514',
      )
    })
  })
}
