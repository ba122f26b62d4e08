// The server's configuration, with defaults and validation in one place.
import type { Responder, Rule } from './plan.js'

export interface LlmTestServerOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Default `127.0.0.1`. */
  host?: string
  /** Added before every answer, e.g. 50 for a benchmark against a realistic endpoint. Default 0. */
  latencyMs?: number
  /** Added between streamed chunks. Default 0. */
  chunkDelayMs?: number
  /** Length of embedding vectors when a request names no `dimensions`. Default 64. */
  embeddingDimensions?: number
  /** Listed by `GET /v1/models`; any model name is accepted regardless. */
  models?: string[]
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401; otherwise any key (or none) is accepted. */
  apiKey?: string
  /** Initial scripts, as if passed to `script()` in order. */
  script?: (Responder | Rule)[]
}

export type ResolvedOptions = Required<Omit<LlmTestServerOptions, 'apiKey'>> & { apiKey: string | undefined }

export function resolveOptions(options: LlmTestServerOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    latencyMs: options.latencyMs ?? 0,
    chunkDelayMs: options.chunkDelayMs ?? 0,
    embeddingDimensions: options.embeddingDimensions ?? 64,
    models: [...(options.models ?? ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'])],
    apiKey: options.apiKey,
    script: [...(options.script ?? [])],
  }
  for (const key of ['port', 'latencyMs', 'chunkDelayMs'] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) throw new Error(`${key} must be a number >= 0`)
  }
  if (!Number.isInteger(resolved.embeddingDimensions) || resolved.embeddingDimensions < 1) {
    throw new Error('embeddingDimensions must be a positive integer')
  }
  return resolved
}
