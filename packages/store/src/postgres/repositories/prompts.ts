/**
 * Prompts: the names of the registry. A prompt is created explicitly (with
 * a description and tags) or by registering its first version; versions
 * and aliases live in `prompt-versions.ts` and `prompt-aliases.ts`.
 */
import { CreatePromptInput, type Prompt } from '@assay/core'
import { and, asc, eq, gt } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../cursor.js'
import type { AssayDb } from '../db.js'
import { prompts } from '../schema/index.js'
import { PromptLookupError, type PromptPage, pageLimit, toPrompt } from './prompt-rows.js'

/** Creates a prompt; null when the project already has one of that name. */
export async function createPrompt(
  db: AssayDb,
  projectId: string,
  input: CreatePromptInput,
): Promise<Prompt | null> {
  const { name, description, tags } = CreatePromptInput.parse(input)
  const rows = await db
    .insert(prompts)
    .values({ projectId, name, description, tags })
    .onConflictDoNothing({ target: [prompts.projectId, prompts.name] })
    .returning()
  return rows[0] ? toPrompt(rows[0]) : null
}

export async function getPrompt(db: AssayDb, projectId: string, name: string): Promise<Prompt | null> {
  const rows = await db
    .select()
    .from(prompts)
    .where(and(eq(prompts.projectId, projectId), eq(prompts.name, name)))
    .limit(1)
  return rows[0] ? toPrompt(rows[0]) : null
}

/** Like getPrompt, for callers that need it to exist. */
export async function requirePrompt(db: AssayDb, projectId: string, name: string): Promise<Prompt> {
  const prompt = await getPrompt(db, projectId, name)
  if (!prompt) throw new PromptLookupError(`prompt '${name}' does not exist`, 'prompt')
  return prompt
}

export interface ListPromptsOptions {
  /** Default 50, at most 1000. */
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,255}$/

/** The project's prompts by name, one keyset page at a time. A foreign cursor throws `InvalidCursorError`. */
export async function listPrompts(
  db: AssayDb,
  projectId: string,
  options: ListPromptsOptions = {},
): Promise<PromptPage<Prompt>> {
  const limit = pageLimit(options.limit)
  const after = options.cursor ? decodeCursor(options.cursor, 'prompts', [NAME])[0] : undefined
  const rows = await db
    .select()
    .from(prompts)
    .where(and(eq(prompts.projectId, projectId), after === undefined ? undefined : gt(prompts.name, after)))
    .orderBy(asc(prompts.name))
    .limit(limit + 1)
  const items = rows.slice(0, limit).map(toPrompt)
  return rows.length > limit
    ? { items, nextCursor: encodeCursor('prompts', [items.at(-1)!.name]) }
    : { items }
}
