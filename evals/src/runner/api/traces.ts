/** Reading traces (`/api/traces`): one with its spans, or a filtered page of summaries. */
import type { SpanRow, TraceSummary } from '@assay/core'
import { calling, expectOk } from './api-error.js'
import type { AssayApi } from './connection.js'

/** The spans of one trace, or undefined while the collector has not written it (404). */
export function getTraceSpans(api: AssayApi, traceId: string): Promise<SpanRow[] | undefined> {
  const what = `GET /api/traces/${traceId}`
  return calling(what, async () => {
    const res = await api.client.traces[':traceId'].$get({ param: { traceId } })
    if (res.status === 404) return undefined
    const body = (await (await expectOk(res, what)).json()) as { spans: SpanRow[] }
    return body.spans
  })
}

export interface TraceQuery {
  filter?: string
  /** ISO 8601 or nanoseconds; the API's default window is the last 24 hours. */
  from?: string
  to?: string
  /** Stop after this many traces. */
  limit?: number
}

/** Trace ids matching a filter, newest first, following cursors up to `limit`. */
export async function findTraceIds(api: AssayApi, query: TraceQuery): Promise<string[]> {
  const ids: string[] = []
  const max = query.limit ?? 1000
  let cursor: string | undefined
  do {
    const page = await calling('GET /api/traces', async () => {
      const res = await api.client.traces.$get({
        query: {
          filter: query.filter,
          from: query.from,
          to: query.to,
          limit: String(Math.min(100, max - ids.length)),
          cursor,
        },
      })
      return (await (await expectOk(res, 'GET /api/traces')).json()) as {
        items: TraceSummary[]
        nextCursor?: string
      }
    })
    for (const item of page.items) ids.push(item.trace_id)
    cursor = page.nextCursor
  } while (cursor && ids.length < max)
  return ids.slice(0, max)
}
