import { z } from 'zod'

/**
 * Projects: the tenant boundary. Every trace, key, prompt and dataset
 * belongs to exactly one; `default` exists from the first start so that an
 * SDK left on its defaults has somewhere to write.
 *
 * Times in the relational types are milliseconds since the epoch, as in
 * assessments, so that API JSON needs no date parsing.
 */

export const DEFAULT_PROJECT_ID = 'default'

/** Lowercase slug used in URLs and in ClickHouse's `project_id` column. */
export const ProjectId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'project id must be a lowercase slug (a-z, 0-9, _ and -)')

export const Project = z.object({
  id: ProjectId,
  name: z.string().min(1).max(256),
  description: z.string(),
  createdAt: z.number().int().nonnegative(),
})
export type Project = z.infer<typeof Project>

export const CreateProjectInput = z.object({
  /** Derived from the name when absent. */
  id: ProjectId.optional(),
  name: z.string().min(1).max(256),
  description: z.string().default(''),
})
export type CreateProjectInput = z.input<typeof CreateProjectInput>
