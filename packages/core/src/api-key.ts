import { z } from 'zod'
import { ProjectId } from './project.js'

/**
 * API keys authenticate SDKs, collectors and CI. Only a hash of the secret
 * is stored; the visible prefix identifies a key in lists and logs, and
 * the full secret is shown once, at creation (`CreatedApiKey`).
 */

/**
 * What a key may do: `ingest` sends OTLP exports, `read` the API's GETs,
 * `write` its other methods, `admin` manages the project's own keys (and
 * implies the rest). Creating projects is for the dashboard admin only.
 */
export const API_KEY_SCOPES = ['ingest', 'read', 'write', 'admin'] as const
export const ApiKeyScope = z.enum(API_KEY_SCOPES)
export type ApiKeyScope = z.infer<typeof ApiKeyScope>

const millis = z.number().int().nonnegative()

export const ApiKey = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: z.string().min(1).max(256),
  /** The key's public part, safe to display and log (e.g. `ak_3f9c1e2a7b4d`); the secret follows it. */
  prefix: z.string().min(1),
  scopes: z.array(ApiKeyScope),
  createdAt: millis,
  lastUsedAt: millis.nullable(),
  revokedAt: millis.nullable(),
})
export type ApiKey = z.infer<typeof ApiKey>

export const CreateApiKeyInput = z.object({
  name: z.string().min(1).max(256),
  /** Default: what an SDK needs (send traces, read them, log feedback). */
  scopes: z.array(ApiKeyScope).min(1).default(['ingest', 'read', 'write']),
})
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>

/** The answer to a creation: the only time the secret leaves the server. */
export const CreatedApiKey = z.object({ key: ApiKey, secret: z.string().min(1) })
export type CreatedApiKey = z.infer<typeof CreatedApiKey>
