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

/** A parameter value: what a version is compared and searched by, so scalars only. */
export const LoggedModelParamValue = z.union([z.string().max(8192), z.number(), z.boolean()], {
  error: 'must be a string, a number or a boolean',
})

export const LoggedModelParams = z
  .record(z.string().min(1).max(256), LoggedModelParamValue)
  .refine((p) => Object.keys(p).length <= 256, 'at most 256 params')
export type LoggedModelParams = z.infer<typeof LoggedModelParams>

export const LoggedModelTags = z
  .record(z.string().min(1).max(256), z.string().max(8192))
  .refine((t) => Object.keys(t).length <= 256, 'at most 256 tags')

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
  tags: LoggedModelTags.default({}),
  git: GitInfo.partial().default({}),
  source: z.string().max(2048).nullable().default(null),
  status: LoggedModelStatus.default('ready'),
})
export type CreateLoggedModelInput = z.input<typeof CreateLoggedModelInput>

/** A merge patch of a model's tags: a string sets the tag, null removes it. */
export const LoggedModelTagsPatch = z
  .record(z.string().min(1).max(256), z.string().max(8192).nullable())
  .refine((t) => Object.keys(t).length <= 256, 'at most 256 tags')
export type LoggedModelTagsPatch = z.infer<typeof LoggedModelTagsPatch>

/** Where a model ends up once its setup (a training job, a deployment) is over. */
export const FinalLoggedModelStatus = z.enum(['ready', 'failed'])
export type FinalLoggedModelStatus = z.infer<typeof FinalLoggedModelStatus>
