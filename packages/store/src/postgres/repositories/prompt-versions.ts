/**
 * Prompt versions: immutable, numbered 1, 2, 3... per prompt.
 *
 * A number is allocated by `UPDATE prompts SET latest_version =
 * latest_version + 1 ... RETURNING` in the same transaction as the version's
 * insert. The update holds the prompt's row lock until commit, so
 * concurrent registrations (on any number of servers) queue on that one row
 * and each reads the number its predecessor committed; a registration that
 * fails rolls its increment back, so numbers have no gaps. The unique
 * (prompt_id, version) constraint stays as the backstop.
 */
import { CreatePromptVersionInput, PromptName, type PromptVersion } from '@assay/core'
import { and, desc, eq, lt, sql } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { prompts, promptVersions } from '../schema/index.js'
import { PromptLookupError, type PromptPage, pageLimit, toPromptVersion } from './prompt-rows.js'
import { requirePrompt } from './prompts.js'

/**
 * Saves the next version of `name`, creating the prompt on its first version.
 *
 * @example
 * const v = await registerPromptVersion(db, projectId, 'support', { template: { type: 'text', text: 'Hi {{name}}' } })
 * v.version // 1, then 2, ...
 */
export async function registerPromptVersion(
  db: AssayDb,
  projectId: string,
  name: string,
  input: CreatePromptVersionInput,
): Promise<PromptVersion> {
  PromptName.parse(name)
  const values = CreatePromptVersionInput.parse(input)
  return db.transaction(async (tx) => {
    await tx
      .insert(prompts)
      .values({ projectId, name })
      .onConflictDoNothing({ target: [prompts.projectId, prompts.name] })
    const [counter] = await tx
      .update(prompts)
      .set({ latestVersion: sql`${prompts.latestVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(prompts.projectId, projectId), eq(prompts.name, name)))
      .returning({ promptId: prompts.id, version: prompts.latestVersion })
    const [row] = await tx
      .insert(promptVersions)
      .values({ projectId, promptId: counter!.promptId, version: counter!.version, ...values })
      .returning()
    return toPromptVersion(row!)
  })
}

/** One version by prompt id (as resolved by `resolvePromptReference`); null when it does not exist. */
export async function getPromptVersionById(
  db: AssayDb,
  projectId: string,
  promptId: string,
  version: number,
): Promise<PromptVersion | null> {
  const rows = await db
    .select()
    .from(promptVersions)
    .where(
      and(
        eq(promptVersions.projectId, projectId),
        eq(promptVersions.promptId, promptId),
        eq(promptVersions.version, version),
      ),
    )
    .limit(1)
  return rows[0] ? toPromptVersion(rows[0]) : null
}

/** One version of a named prompt; throws `PromptLookupError` naming what is missing. */
export async function getPromptVersion(
  db: AssayDb,
  projectId: string,
  name: string,
  version: number,
): Promise<PromptVersion> {
  const prompt = await requirePrompt(db, projectId, name)
  const found = await getPromptVersionById(db, projectId, prompt.id, version)
  if (!found) throw new PromptLookupError(`prompt '${name}' has no version ${version}`, 'version')
  return found
}

export interface ListPromptVersionsOptions {
  /** Default 50, at most 1000. */
  limit?: number
  /** `nextCursor` of the previous page of the same prompt. */
  cursor?: string
}

const VERSION = /^[1-9][0-9]{0,9}$/

/** A prompt's versions, newest first. */
export async function listPromptVersions(
  db: AssayDb,
  projectId: string,
  name: string,
  options: ListPromptVersionsOptions = {},
): Promise<PromptPage<PromptVersion>> {
  const prompt = await requirePrompt(db, projectId, name)
  const scope = `prompt-versions:${prompt.id}`
  const limit = pageLimit(options.limit)
  const before = options.cursor ? Number(decodeCursor(options.cursor, scope, [VERSION])[0]) : undefined
  const rows = await db
    .select()
    .from(promptVersions)
    .where(
      and(
        eq(promptVersions.promptId, prompt.id),
        before === undefined ? undefined : lt(promptVersions.version, before),
      ),
    )
    .orderBy(desc(promptVersions.version))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toPromptVersion)
  if (rows.length <= limit) return { items }
  return { items, nextCursor: encodeCursor(scope, [String(items.at(-1)!.version)]) }
}
