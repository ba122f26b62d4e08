/**
 * Where results go: an Assay server's base URL (the one OTLP exports and
 * `/api` share) and the key to use. The typed client is Hono's `hc` over
 * the API's own type, so no request or response shape is restated here.
 */
import { createApiClient } from '@assay/api/client'

export interface AssayConnection {
  /** Base URL, e.g. `http://localhost:4318` (no `/api`). */
  url: string
  /** An API key with `ingest`, `read` and `write` scopes, when the server has auth on. */
  apiKey?: string
  /** `X-Assay-Project`, when the server runs without auth. */
  project?: string
}

export type ApiClient = ReturnType<typeof createApiClient>

export interface AssayApi {
  connection: AssayConnection
  client: ApiClient
  /** Headers for calls the typed client cannot make (routes newer than this build). */
  headers: Record<string, string>
}

export function connectAssay(connection: AssayConnection): AssayApi {
  const headers: Record<string, string> = {}
  if (connection.apiKey) headers.authorization = `Bearer ${connection.apiKey}`
  if (connection.project) headers['x-assay-project'] = connection.project
  const url = connection.url.replace(/\/+$/, '')
  return {
    connection: { ...connection, url },
    client: createApiClient(`${url}/api`, { headers }),
    headers,
  }
}
