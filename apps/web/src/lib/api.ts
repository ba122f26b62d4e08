/**
 * The dashboard's one way to the server: the API's typed client (types from
 * the routes, never restated), on the same origin, acting on the project the
 * switcher chose. A 401 tells the shell to show the sign-in page.
 */
import { createApiClient } from '@assay/api/client'
import type { InferResponseType } from 'hono/client'
import { currentProject } from './project'

export const api = createApiClient('/api', {
  headers: () => ({ 'X-Assay-Project': currentProject() }),
  init: { credentials: 'same-origin' },
})

/** An API answer other than success: the status and the API's message (and field, when it names one). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export const UNAUTHENTICATED_EVENT = 'assay:unauthenticated'

interface AnyResponse {
  ok: boolean
  status: number
  json(): Promise<unknown>
}
type OkBody<R> = R extends { ok: true; json(): Promise<infer J> } ? J : never

/**
 * The body of a successful answer, or an ApiFailure.
 *
 * @example
 *   const page = await read(api.traces.$get({ query: { limit: '50' } }))
 */
export async function read<R extends AnyResponse>(request: Promise<R>): Promise<OkBody<R>> {
  const res = await request
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as OkBody<R>
  let message = `${res.status}`
  let field: string | undefined
  try {
    const body = (await res.json()) as { error?: { message?: string; field?: string } | string }
    if (typeof body.error === 'string') message = body.error
    else if (body.error?.message) ({ message, field } = body.error as { message: string; field?: string })
  } catch {
    // not JSON: keep the status
  }
  if (res.status === 401 && typeof window !== 'undefined')
    window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT))
  throw new ApiFailure(res.status, message, field)
}

export type TracePage = InferResponseType<typeof api.traces.$get, 200>
export type TraceItem = TracePage['items'][number]
export type TraceDetail = InferResponseType<(typeof api.traces)[':traceId']['$get'], 200>
export type Span = TraceDetail['spans'][number]
export type SpanEvent = TraceDetail['events'][number]
export type AssessmentRecord = InferResponseType<
  (typeof api.traces)[':traceId']['assessments']['$get'],
  200
>['items'][number]
export type SessionPage = InferResponseType<typeof api.sessions.$get, 200>
export type SessionDetail = InferResponseType<(typeof api.sessions)[':sessionId']['$get'], 200>
export type Metrics = InferResponseType<typeof api.metrics.$get, 200>
export type FilterSuggestions = InferResponseType<typeof api.filter.suggest.$get, 200>
export type Me = InferResponseType<typeof api.auth.me.$get, 200>
export type Project = InferResponseType<typeof api.projects.$get, 200>['items'][number]
