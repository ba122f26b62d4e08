import type { PromptTemplate } from '@assay/core'
import { describe, expect, it } from 'vitest'
import {
  createPrompt,
  deletePromptAlias,
  getPrompt,
  getPromptVersion,
  InvalidCursorError,
  listPromptAliases,
  listPromptAliasHistory,
  listPrompts,
  listPromptVersions,
  PromptLookupError,
  registerPromptVersion,
  resolvePromptReference,
  setPromptAlias,
} from '../../../src/index.js'
import { newProject } from '../fixtures.js'
import type { CaseContext } from '../harness.js'

/** The prompt registry's repository: numbering under concurrency, resolving references, alias history. */

const text = (body: string): PromptTemplate => ({ type: 'text', text: body })

async function missingPart(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PromptLookupError)
  return (error as PromptLookupError).missing
}

export function promptRepoCases(ctx: CaseContext): void {
  describe('prompt registry', () => {
    it('numbers 20 parallel registrations of one new name 1..20, no gaps or duplicates', async () => {
      const projectId = await newProject(ctx.pg.db)
      const saved = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          registerPromptVersion(ctx.pg.db, projectId, 'racy', { template: text(`v${i}`) }),
        ),
      )
      const numbers = saved.map((v) => v.version).sort((a, b) => a - b)
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(new Set(saved.map((v) => v.promptId)).size).toBe(1)
      expect((await getPrompt(ctx.pg.db, projectId, 'racy'))?.latestVersion).toBe(20)
    }, 60_000)

    it('creates a prompt once, and registers versions that keep every field', async () => {
      const projectId = await newProject(ctx.pg.db)
      const created = await createPrompt(ctx.pg.db, projectId, {
        name: 'support',
        description: 'answers tickets',
        tags: { team: 'cx' },
      })
      expect(created).toMatchObject({ name: 'support', latestVersion: 0, tags: { team: 'cx' } })
      expect(await createPrompt(ctx.pg.db, projectId, { name: 'support' })).toBeNull()
      const input = {
        template: {
          type: 'chat' as const,
          messages: [
            { role: 'system' as const, content: 'Help with {{product}}.' },
            { type: 'placeholder' as const, name: 'history' },
          ],
        },
        modelConfig: { model: 'gpt-4o-mini', temperature: 0.2, seed: 7 },
        responseFormat: { type: 'object' },
        commitMessage: 'first',
        author: 'ada',
        tags: { stage: 'draft' },
      }
      const v1 = await registerPromptVersion(ctx.pg.db, projectId, 'support', input)
      expect(v1).toMatchObject({ ...input, version: 1, promptId: created!.id })
      expect(await getPromptVersion(ctx.pg.db, projectId, 'support', 1)).toEqual(v1)
      expect(await missingPart(getPromptVersion(ctx.pg.db, projectId, 'support', 2))).toBe('version')
      expect(await missingPart(getPromptVersion(ctx.pg.db, projectId, 'nope', 1))).toBe('prompt')
    })

    it('lists prompts and versions in keyset pages, refusing a cursor from another list', async () => {
      const projectId = await newProject(ctx.pg.db)
      for (const name of ['c', 'a', 'b']) await createPrompt(ctx.pg.db, projectId, { name })
      const first = await listPrompts(ctx.pg.db, projectId, { limit: 2 })
      expect(first.items.map((p) => p.name)).toEqual(['a', 'b'])
      const second = await listPrompts(ctx.pg.db, projectId, { limit: 2, cursor: first.nextCursor })
      expect(second).toEqual({ items: [expect.objectContaining({ name: 'c' })] })

      for (let i = 0; i < 3; i++)
        await registerPromptVersion(ctx.pg.db, projectId, 'a', { template: text(`${i}`) })
      const page = await listPromptVersions(ctx.pg.db, projectId, 'a', { limit: 2 })
      expect(page.items.map((v) => v.version)).toEqual([3, 2])
      const rest = await listPromptVersions(ctx.pg.db, projectId, 'a', { limit: 2, cursor: page.nextCursor })
      expect(rest.items.map((v) => v.version)).toEqual([1])
      await registerPromptVersion(ctx.pg.db, projectId, 'b', { template: text('b') })
      await expect(
        listPromptVersions(ctx.pg.db, projectId, 'b', { cursor: page.nextCursor }),
      ).rejects.toBeInstanceOf(InvalidCursorError)
      await expect(listPrompts(ctx.pg.db, projectId, { cursor: page.nextCursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      )
    })

    it('resolves name, name/version and name@alias, naming what is missing', async () => {
      const projectId = await newProject(ctx.pg.db)
      await createPrompt(ctx.pg.db, projectId, { name: 'empty' })
      for (const body of ['one', 'two', 'three'])
        await registerPromptVersion(ctx.pg.db, projectId, 'qa', { template: text(body) })
      await setPromptAlias(ctx.pg.db, projectId, 'qa', 'production', 2)
      const resolve = (ref: Parameters<typeof resolvePromptReference>[2]) =>
        resolvePromptReference(ctx.pg.db, projectId, ref)
      expect(await resolve({ name: 'qa' })).toMatchObject({ name: 'qa', version: 3 })
      expect(await resolve({ name: 'qa', version: 1 })).toMatchObject({ version: 1 })
      expect(await resolve({ name: 'qa', alias: 'production' })).toMatchObject({
        version: 2,
        alias: 'production',
      })
      expect(await missingPart(resolve({ name: 'qa', alias: 'staging' }))).toBe('alias')
      expect(await missingPart(resolve({ name: 'qa', version: 9 }))).toBe('version')
      expect(await missingPart(resolve({ name: 'empty' }))).toBe('version')
      expect(await missingPart(resolve({ name: 'ghost' }))).toBe('prompt')
    })

    it('moves aliases between existing versions and keeps their history, newest first', async () => {
      const projectId = await newProject(ctx.pg.db)
      for (const body of ['one', 'two', 'three'])
        await registerPromptVersion(ctx.pg.db, projectId, 'qa', { template: text(body) })
      await setPromptAlias(ctx.pg.db, projectId, 'qa', 'production', 1, { changedBy: 'ada' })
      await setPromptAlias(ctx.pg.db, projectId, 'qa', 'staging', 3)
      await setPromptAlias(ctx.pg.db, projectId, 'qa', 'production', 2)
      await setPromptAlias(ctx.pg.db, projectId, 'qa', 'production', 2) // no move, no history
      expect(await deletePromptAlias(ctx.pg.db, projectId, 'qa', 'staging')).toBe(true)
      expect(await deletePromptAlias(ctx.pg.db, projectId, 'qa', 'staging')).toBe(false)

      const aliases = await listPromptAliases(ctx.pg.db, projectId, 'qa')
      expect(aliases.map((a) => [a.name, a.version])).toEqual([['production', 2]])
      const history = await listPromptAliasHistory(ctx.pg.db, projectId, 'qa', { limit: 3 })
      expect(history.items.map((h) => [h.alias, h.previousVersion, h.version])).toEqual([
        ['staging', 3, null],
        ['production', 1, 2],
        ['staging', null, 3],
      ])
      const older = await listPromptAliasHistory(ctx.pg.db, projectId, 'qa', { cursor: history.nextCursor })
      expect(older.items).toEqual([
        expect.objectContaining({ alias: 'production', version: 1, changedBy: 'ada' }),
      ])
      const production = await listPromptAliasHistory(ctx.pg.db, projectId, 'qa', { alias: 'production' })
      expect(production.items.map((h) => h.version)).toEqual([2, 1])
    })

    it('refuses an alias to a missing version, on a missing prompt, and the reserved latest', async () => {
      const projectId = await newProject(ctx.pg.db)
      await registerPromptVersion(ctx.pg.db, projectId, 'qa', { template: text('one') })
      expect(await missingPart(setPromptAlias(ctx.pg.db, projectId, 'qa', 'production', 5))).toBe('version')
      expect(await missingPart(setPromptAlias(ctx.pg.db, projectId, 'ghost', 'production', 1))).toBe('prompt')
      await expect(setPromptAlias(ctx.pg.db, projectId, 'qa', 'latest', 1)).rejects.toThrow(/reserved/)
      expect(await listPromptAliases(ctx.pg.db, projectId, 'qa')).toEqual([])
    })
  })
}
