/**
 * Resolving a reference (`name`, `name/3`, `name@production`) to the one
 * version it means, in a single indexed read. It returns only the prompt id
 * and number: a version never changes, so the pair is enough for an ETag,
 * and a client revalidating its cache costs one small query.
 */
import type { PromptReference } from '@assay/core'
import { and, eq } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { promptAliases, prompts, promptVersions } from '../schema/index.js'
import { PromptLookupError } from './prompt-rows.js'

export interface ResolvedPrompt {
  promptId: string
  name: string
  version: number
  /** The alias the reference went through, if any. */
  alias?: string
}

/** Throws `PromptLookupError` naming the missing prompt, version or alias. */
export async function resolvePromptReference(
  db: AssayDb,
  projectId: string,
  ref: PromptReference,
): Promise<ResolvedPrompt> {
  const [row] = await db
    .select({
      promptId: prompts.id,
      latest: prompts.latestVersion,
      aliased: promptAliases.version,
      pinned: promptVersions.version,
    })
    .from(prompts)
    .leftJoin(
      promptAliases,
      and(eq(promptAliases.promptId, prompts.id), eq(promptAliases.name, ref.alias ?? '')),
    )
    .leftJoin(
      promptVersions,
      and(eq(promptVersions.promptId, prompts.id), eq(promptVersions.version, ref.version ?? 0)),
    )
    .where(and(eq(prompts.projectId, projectId), eq(prompts.name, ref.name)))
    .limit(1)
  if (!row) throw new PromptLookupError(`prompt '${ref.name}' does not exist`, 'prompt')
  const found = { promptId: row.promptId, name: ref.name }
  if (ref.alias !== undefined) {
    if (row.aliased === null) {
      throw new PromptLookupError(`prompt '${ref.name}' has no alias '${ref.alias}'`, 'alias')
    }
    return { ...found, version: row.aliased, alias: ref.alias }
  }
  if (ref.version !== undefined) {
    if (row.pinned === null) {
      throw new PromptLookupError(`prompt '${ref.name}' has no version ${ref.version}`, 'version')
    }
    return { ...found, version: row.pinned }
  }
  if (row.latest === 0) throw new PromptLookupError(`prompt '${ref.name}' has no version yet`, 'version')
  return { ...found, version: row.latest }
}
