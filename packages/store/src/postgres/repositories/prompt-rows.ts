/**
 * Prompt registry rows as the domain types of @assay/core, and the one
 * error the registry raises when a name, version or alias does not exist
 * (the API answers it with a 404 naming the field).
 */
import type { Prompt, PromptAlias, PromptAliasChange, PromptVersion } from '@assay/core'
import type { promptAliases, promptAliasHistory, prompts, promptVersions } from '../schema/index.js'

export class PromptLookupError extends Error {
  override name = 'PromptLookupError'
  constructor(
    message: string,
    /** Which part of the reference does not exist. */
    readonly missing: 'prompt' | 'version' | 'alias',
  ) {
    super(message)
  }
}

export function toPrompt(row: typeof prompts.$inferSelect): Prompt {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    description: row.description,
    tags: row.tags,
    latestVersion: row.latestVersion,
    createdAt: row.createdAt.getTime(),
  }
}

export function toPromptVersion(row: typeof promptVersions.$inferSelect): PromptVersion {
  return {
    promptId: row.promptId,
    projectId: row.projectId,
    version: row.version,
    template: row.template,
    modelConfig: row.modelConfig,
    responseFormat: row.responseFormat,
    commitMessage: row.commitMessage,
    author: row.author,
    tags: row.tags,
    createdAt: row.createdAt.getTime(),
  }
}

export function toPromptAlias(row: typeof promptAliases.$inferSelect): PromptAlias {
  return { promptId: row.promptId, name: row.name, version: row.version, updatedAt: row.updatedAt.getTime() }
}

export function toPromptAliasChange(row: typeof promptAliasHistory.$inferSelect): PromptAliasChange {
  return {
    id: row.id,
    alias: row.alias,
    version: row.version,
    previousVersion: row.previousVersion,
    changedBy: row.changedBy,
    changedAt: row.changedAt.getTime(),
  }
}

/** A page of a registry list; `nextCursor` is absent on the last page. */
export interface PromptPage<T> {
  items: T[]
  nextCursor?: string
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 1000)
}
