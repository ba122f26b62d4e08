/**
 * An item as the labelling view shows it, in one answer: where it stands
 * in the queue (index, total, previous and next ids), the label schemas,
 * the trace's root span with its input and output (messages sent as log
 * records filled in, as in `GET /traces/{traceId}`), the labelled span
 * for a span item, and the labels it already has.
 */
import type { AnnotationItem, SpanRow } from '@assay/core'
import { getLabelSchemas, getSpanEvents, getTraceSpans, locateAnnotationItem } from '@assay/store'
import type { z } from '@hono/zod-openapi'
import type { ApiDeps } from '../../deps.js'
import { rootSpan } from '../datasets/trace-item.js'
import type { ItemView } from './schemas.js'
import { labelsOfItem } from './write-labels.js'

type View = z.infer<typeof ItemView>

function spanView(span: SpanRow | undefined): View['span'] {
  if (!span) return null
  const { span_id, name, kind, status_code, start_time, end_time, input, output } = span
  return { span_id, name, kind, status_code, start_time, end_time, input, output }
}

async function traceSpans(deps: ApiDeps, item: AnnotationItem): Promise<SpanRow[]> {
  const [spans, events] = await Promise.all([
    getTraceSpans(deps.clickhouse, item.projectId, item.traceId),
    deps.enrichSpans ? getSpanEvents(deps.clickhouse, item.projectId, item.traceId) : [],
  ])
  return deps.enrichSpans ? deps.enrichSpans(spans, events) : spans
}

/** The view of an item of the queue, or null when the queue has no such item. */
export async function itemView(
  deps: ApiDeps,
  projectId: string,
  queue: { id: string; labelSchemaIds: string[] },
  itemId: string,
): Promise<View | null> {
  const located = await locateAnnotationItem(deps.postgres.db, projectId, queue.id, itemId)
  if (!located) return null
  const [labelSchemas, spans, labels] = await Promise.all([
    getLabelSchemas(deps.postgres.db, projectId, queue.labelSchemaIds),
    traceSpans(deps, located.item),
    labelsOfItem(deps.clickhouse, located.item),
  ])
  const { item } = located
  return {
    ...located,
    labelSchemas,
    root: spanView(rootSpan(spans)),
    span: item.spanId === '' ? null : spanView(spans.find((s) => s.span_id === item.spanId)),
    labels,
  }
}
