/**
 * What the import parsers produce: the items of the good lines and, for
 * each bad line, its 1-based line number in the upload and why, so a user
 * can fix exactly those lines and import them again.
 */
import { DatasetItemInput } from '@assay/core'
import type { z } from '@hono/zod-openapi'

export type ItemInput = z.output<typeof DatasetItemInput>

export interface RejectedLine {
  line: number
  error: string
}

export interface ParsedImport {
  items: ItemInput[]
  rejected: RejectedLine[]
}

/** An import that cannot be read at all (a CSV header that names no inputs): a 400, nothing imported. */
export class UnreadableImportError extends Error {
  override name = 'UnreadableImportError'
}

/** Checks one line's item; the error text names the field, e.g. `inputs: expected an object`. */
export function checkItem(value: unknown): { item: ItemInput } | { error: string } {
  const parsed = DatasetItemInput.safeParse(value)
  if (parsed.success) return { item: parsed.data }
  const issue = parsed.error.issues[0]!
  const where = issue.path.map(String).join('.')
  return { error: where ? `${where}: ${issue.message}` : issue.message }
}
