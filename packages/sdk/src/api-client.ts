/**
 * Calls to Assay's API (`/api/...`) for models, prompts and feedback, with
 * the SDK's credentials and a timeout. Failures come back as
 * `ApiCallError`: the callers decide whether the app can go on without it.
 */
import { authHeaders, resolveConfig } from './config.js'
import { sdkState } from './state.js'

export class ApiCallError extends Error {
  override name = 'ApiCallError'
  constructor(
    message: string,
    /** The HTTP status, or undefined when the server was not reached. */
    readonly status: number | undefined,
  ) {
    super(message)
  }
}

export interface ApiResponse<T> {
  status: number
  body: T | undefined
  headers: Headers
}

export async function callApi<T>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; okStatuses?: number[] } = {},
): Promise<ApiResponse<T>> {
  const config = sdkState().config ?? resolveConfig()
  const url = `${config.url}/api${path}`
  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers: {
        ...authHeaders(config),
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(config.exportTimeoutMs),
    })
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message
    throw new ApiCallError(`${method} ${url} failed: ${cause}`, undefined)
  }
  const ok = res.ok || (options.okStatuses ?? []).includes(res.status)
  const text = await res.text()
  if (!ok)
    throw new ApiCallError(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`, res.status)
  return { status: res.status, body: text ? (JSON.parse(text) as T) : undefined, headers: res.headers }
}
