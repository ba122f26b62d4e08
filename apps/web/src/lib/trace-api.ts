/**
 * What the trace view reads: the tree columns of a trace (light, every
 * span), one span's whole payload when it is selected, and search within
 * the trace's content. Payloads are kept in a small cache so moving back
 * and forth between spans does not refetch.
 */
import type { InferResponseType } from 'hono/client'
import { api, read } from './api'
import { currentProject } from './project'

export type TraceTreeData = InferResponseType<(typeof api.traces)[':traceId']['tree']['$get'], 200>
export type SpanPayload = InferResponseType<(typeof api.traces)[':traceId']['spans'][':spanId']['$get'], 200>

export const loadTraceTree = (traceId: string) =>
  read(api.traces[':traceId'].tree.$get({ param: { traceId } }))

export async function searchTraceContent(traceId: string, q: string): Promise<string[]> {
  const res = await read(api.traces[':traceId'].search.$get({ param: { traceId }, query: { q } }))
  return res.span_ids
}

const CACHED = 200
const payloads = new Map<string, Promise<SpanPayload>>()

/** One span with its events; a failed load is not kept, so asking again retries. */
export function loadSpan(traceId: string, spanId: string): Promise<SpanPayload> {
  const key = `${currentProject()}/${traceId}/${spanId}`
  const hit = payloads.get(key)
  if (hit) {
    // Refresh its place: the map's order is the eviction order.
    payloads.delete(key)
    payloads.set(key, hit)
    return hit
  }
  const loading = read(api.traces[':traceId'].spans[':spanId'].$get({ param: { traceId, spanId } }))
  payloads.set(key, loading)
  loading.catch(() => payloads.delete(key))
  if (payloads.size > CACHED) payloads.delete(payloads.keys().next().value!)
  return loading
}
