/**
 * Prompt aliases (`production`, `staging`, any name): movable pointers to a
 * version, each move appended to `prompt_alias_history`.
 *
 * A move locks the prompt's row first (`SELECT ... FOR UPDATE`), so two
 * moves of one prompt's aliases take turns and each history entry's
 * `previousVersion` is the version the alias really had. `latest` is
 * implicit and refused here as well as by a CHECK in the schema.
 */
import { type PromptAlias, PromptAliasName } from '@assay/core'
import { and, asc, eq, type SQL, sql } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { promptAliases, promptAliasHistory, prompts, promptVersions } from '../schema/index.js'
import { PromptLookupError, toPromptAlias } from './prompt-rows.js'
import { requirePrompt } from './prompts.js'

type Tx = Parameters<Parameters<AssayDb['transaction']>[0]>[0]

async function lockPrompt(tx: Tx, projectId: string, name: string): Promise<string> {
  const [row] = await tx
    .select({ id: prompts.id })
    .from(prompts)
    .where(and(eq(prompts.projectId, projectId), eq(prompts.name, name)))
    .for('update')
  if (!row) throw new PromptLookupError(`prompt '${name}' does not exist`, 'prompt')
  return row.id
}

async function currentVersion(tx: Tx, promptId: string, alias: string): Promise<number | null> {
  const [row] = await tx
    .select({ version: promptAliases.version })
    .from(promptAliases)
    .where(and(eq(promptAliases.promptId, promptId), eq(promptAliases.name, alias)))
  return row?.version ?? null
}

/**
 * The time of a move: now, but strictly after the prompt's previous move.
 * Moves of one prompt hold its row lock, so this orders the history even
 * where the clock is coarse (PGlite's is milliseconds).
 */
function moveTime(promptId: string): SQL<Date> {
  return sql<Date>`greatest(now(), (select max(${promptAliasHistory.changedAt}) + interval '1 microsecond' from ${promptAliasHistory} where ${promptAliasHistory.promptId} = ${promptId}))`
}

export interface AliasChangeOptions {
  /** Who moved it (a user or key name); empty until authentication lands. */
  changedBy?: string
}

/**
 * Points `alias` at `version` of the prompt, recording the move (a move to
 * the version it already has records nothing).
 *
 * @example
 * await setPromptAlias(db, projectId, 'support', 'production', 3)
 */
export async function setPromptAlias(
  db: AssayDb,
  projectId: string,
  name: string,
  alias: string,
  version: number,
  options: AliasChangeOptions = {},
): Promise<PromptAlias> {
  PromptAliasName.parse(alias)
  const changedBy = options.changedBy ?? ''
  return db.transaction(async (tx) => {
    const promptId = await lockPrompt(tx, projectId, name)
    const [exists] = await tx
      .select({ version: promptVersions.version })
      .from(promptVersions)
      .where(and(eq(promptVersions.promptId, promptId), eq(promptVersions.version, version)))
    if (!exists) throw new PromptLookupError(`prompt '${name}' has no version ${version}`, 'version')
    const previous = await currentVersion(tx, promptId, alias)
    const [row] = await tx
      .insert(promptAliases)
      .values({ projectId, promptId, name: alias, version, updatedBy: changedBy })
      .onConflictDoUpdate({
        target: [promptAliases.promptId, promptAliases.name],
        set: { version, updatedBy: changedBy, updatedAt: new Date() },
      })
      .returning()
    if (previous !== version) {
      await tx.insert(promptAliasHistory).values({
        projectId,
        promptId,
        alias,
        version,
        previousVersion: previous,
        changedBy,
        changedAt: moveTime(promptId),
      })
    }
    return toPromptAlias(row!)
  })
}

/** Removes an alias, recording it; false when the prompt has no such alias. */
export async function deletePromptAlias(
  db: AssayDb,
  projectId: string,
  name: string,
  alias: string,
  options: AliasChangeOptions = {},
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const promptId = await lockPrompt(tx, projectId, name)
    const removed = await tx
      .delete(promptAliases)
      .where(and(eq(promptAliases.promptId, promptId), eq(promptAliases.name, alias)))
      .returning({ version: promptAliases.version })
    if (removed.length === 0) return false
    await tx.insert(promptAliasHistory).values({
      projectId,
      promptId,
      alias,
      version: null,
      previousVersion: removed[0]!.version,
      changedBy: options.changedBy ?? '',
      changedAt: moveTime(promptId),
    })
    return true
  })
}

/** Every alias of a prompt, by name. A prompt has a handful, so this is one read, not a paged list. */
export async function listPromptAliases(
  db: AssayDb,
  projectId: string,
  name: string,
): Promise<PromptAlias[]> {
  const prompt = await requirePrompt(db, projectId, name)
  const rows = await db
    .select()
    .from(promptAliases)
    .where(and(eq(promptAliases.projectId, projectId), eq(promptAliases.promptId, prompt.id)))
    .orderBy(asc(promptAliases.name))
  return rows.map(toPromptAlias)
}
