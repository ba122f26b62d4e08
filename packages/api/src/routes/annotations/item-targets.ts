/**
 * What an add-items request puts in the queue: given trace ids or span
 * pairs (those the project does not have are reported, not queued), or
 * the traces / spans matching a filter in a window, found by the same
 * searches as `GET /traces` and `GET /spans` (oldest first, one bounded
 * page per call; `nextCursor` continues). Fields are named `body.*`.
 */
import type { AnnotationTarget } from '@assay/core'
import { type ClickHouse, existingSpanKeys, existingTraceIds, searchSpans, searchTraces } from '@assay/store'
import type { z } from '@hono/zod-openapi'
import { ApiError } from '../../errors.js'
import { timeWindow } from '../../time-window.js'
import { parseFilterParam } from '../filter/parse-param.js'
import { searching } from '../search/store-errors.js'
import type { AddItemsBody } from './schemas.js'

type Body = z.infer<typeof AddItemsBody>

export interface Targets {
  targets: AnnotationTarget[]
  notFound: string[]
  nextCursor?: string
}

const FILTER_FIELDS = ['filter', 'target', 'from', 'to', 'limit', 'cursor'] as const

export async function resolveTargets(ch: ClickHouse, projectId: string, body: Body): Promise<Targets> {
  const lists = (['trace_ids', 'spans'] as const).filter((f) => body[f] !== undefined)
  if (lists.length > 1) throw bad('body.spans', 'give trace_ids or spans, not both')
  if (lists.length === 1) {
    const extra = FILTER_FIELDS.find((f) => body[f] !== undefined)
    if (extra) throw bad(`body.${extra}`, `not used with ${lists[0]}: give ids or a filter`)
  }
  if (body.trace_ids) return givenTraces(ch, projectId, body.trace_ids)
  if (body.spans) return givenSpans(ch, projectId, body.spans)
  return matching(ch, projectId, body)
}

async function givenTraces(ch: ClickHouse, projectId: string, ids: string[]): Promise<Targets> {
  const traceIds = [...new Set(ids.map((id) => id.toLowerCase()))]
  const found = await existingTraceIds(ch, projectId, traceIds)
  return {
    targets: traceIds.filter((id) => found.has(id)).map((traceId) => ({ traceId })),
    notFound: traceIds.filter((id) => !found.has(id)),
  }
}

async function givenSpans(
  ch: ClickHouse,
  projectId: string,
  spans: { trace_id: string; span_id: string }[],
): Promise<Targets> {
  const pairs = spans.map((s) => ({ traceId: s.trace_id.toLowerCase(), spanId: s.span_id.toLowerCase() }))
  const found = await existingSpanKeys(ch, projectId, pairs)
  const key = (p: { traceId: string; spanId: string }) => `${p.traceId}/${p.spanId}`
  return {
    targets: pairs.filter((p) => found.has(key(p))),
    notFound: [...new Set(pairs.filter((p) => !found.has(key(p))).map(key))],
  }
}

async function matching(ch: ClickHouse, projectId: string, body: Body): Promise<Targets> {
  let window: { from: string; to: string }
  try {
    window = timeWindow(body.from, body.to)
  } catch (error) {
    // The window helper names query fields; here the bounds are the body's.
    if (error instanceof ApiError && error.field) {
      const field = error.field.replace(/^query\./, 'body.')
      throw bad(field, error.message.replace(/^query\.\w+ ?:? ?/, '').replace(/query\./g, 'body.'))
    }
    throw error
  }
  const options = {
    projectId,
    ...window,
    filter: parseFilterParam(body.filter, 'body.filter'),
    sort: 'start_time' as const,
    order: 'asc' as const,
    limit: body.limit ?? 1000,
    cursor: body.cursor,
  }
  if (body.target === 'spans') {
    const page = await asBodyErrors(searchSpans(ch, options))
    const targets = page.items.map((s) => ({ traceId: s.trace_id, spanId: s.span_id }))
    return { targets, notFound: [], nextCursor: page.nextCursor }
  }
  const page = await asBodyErrors(searchTraces(ch, options))
  return {
    targets: page.items.map((t) => ({ traceId: t.trace_id })),
    notFound: [],
    nextCursor: page.nextCursor,
  }
}

/** The search's refusals name `query.*`; this request's fields are the body's. */
async function asBodyErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await searching(work)
  } catch (error) {
    if (error instanceof ApiError && error.field?.startsWith('query.')) {
      const field = error.field.replace(/^query\./, 'body.')
      throw new ApiError(error.status, error.message.replaceAll('query.', 'body.'), field)
    }
    throw error
  }
}

const bad = (field: string, message: string) => new ApiError(400, `${field}: ${message}`, field)
