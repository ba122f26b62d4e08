import { z } from 'zod'
import { ProjectId } from './project.js'

/**
 * LoggedModel: one version of the user's application (code, prompts,
 * parameters). Traces link to it through the span attribute
 * `assay.model.id`, evaluation runs through `loggedModelId`, so versions can
 * be compared by quality, cost and latency.
 */

export const LOGGED_MODEL_STATUSES = ['pending', 'ready', 'failed'] as const
export const LoggedModelStatus = z.enum(LOGGED_MODEL_STATUSES)
export type LoggedModelStatus = z.infer<typeof LoggedModelStatus>

export const LoggedModelParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
export type LoggedModelParams = z.infer<typeof LoggedModelParams>

export const GitInfo = z.object({
  commit: z.string().nullable(),
  branch: z.string().nullable(),
  /** Uncommitted changes were present: the commit alone does not reproduce it. */
  dirty: z.boolean().nullable(),
})
export type GitInfo = z.infer<typeof GitInfo>

export const LoggedModel = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: z.string().min(1).max(256),
  params: LoggedModelParams,
  tags: z.record(z.string(), z.string()),
  git: GitInfo,
  /** Where it was created: `sdk`, `cli`, `api`, or a URL to the code. */
  source: z.string().nullable(),
  status: LoggedModelStatus,
  createdAt: z.number().int().nonnegative(),
})
export type LoggedModel = z.infer<typeof LoggedModel>

export const CreateLoggedModelInput = z.object({
  name: z.string().min(1).max(256),
  params: LoggedModelParams.default({}),
  tags: z.record(z.string(), z.string()).default({}),
  git: GitInfo.partial().default({}),
  source: z.string().nullable().default(null),
  status: LoggedModelStatus.default('ready'),
})
export type CreateLoggedModelInput = z.input<typeof CreateLoggedModelInput>
