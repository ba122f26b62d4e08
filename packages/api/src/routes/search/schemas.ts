/** Request and response pieces of the search routes (traces, spans, deletion), as zod schemas for the OpenAPI document. */
import { SPAN_KINDS, SPAN_STATUS_CODES, TraceSummary } from '@assay/core'
import { SORT_ORDERS, SPAN_SORT_KEYS, TRACE_SORT_KEYS } from '@assay/store'
import { z } from '@hono/zod-openapi'
import { CursorParam, LimitParam, TimeParam } from '../../schemas/common.js'

export const FilterParam = z
  .string()
  .max(100 * 1024)
  .openapi({
    description: 'A filter in the filter language',
    example: "span.kind = 'RETRIEVER' AND span.duration_ms > 500",
  })
export const SortParam = z.enum(TRACE_SORT_KEYS).openapi({
  description: 'Sort key (default start_time); name is the root span name, status the trace status as listed',
})
export const SpanSortParam = z.enum(SPAN_SORT_KEYS).openapi({ description: 'Sort key (default start_time)' })
export const OrderParam = z.enum(SORT_ORDERS).openapi({ description: 'Sort order (default desc)' })
export { CursorParam, LimitParam }

/** The query of every trace search: window, filter, sort and page. */
export const SearchQuery = z.object({
  filter: FilterParam.optional(),
  from: TimeParam.optional(),
  to: TimeParam.optional(),
  sort: SortParam.optional(),
  order: OrderParam.optional(),
  limit: LimitParam.optional(),
  cursor: CursorParam.optional(),
})

/** Span search takes the same query with the integer sort keys only. */
export const SpanSearchQuery = SearchQuery.extend({ sort: SpanSortParam.optional() })

export const AssessmentValues = z
  .record(z.string(), z.union([z.number(), z.boolean(), z.string()]))
  .openapi({ description: 'Assessment name -> latest valid value' })

export const TraceSearchItem = TraceSummary.extend({ assessments: AssessmentValues }).openapi(
  'TraceSearchItem',
)
export const TraceSearchPage = z.object({
  items: z.array(TraceSearchItem),
  nextCursor: z.string().optional(),
})

export const SpanSummary = z
  .object({
    project_id: z.string(),
    trace_id: z.string(),
    span_id: z.string(),
    parent_span_id: z.string(),
    name: z.string(),
    kind: z.enum(SPAN_KINDS),
    status_code: z.enum(SPAN_STATUS_CODES),
    status_message: z.string(),
    start_time: z.string(),
    end_time: z.string(),
    duration_ms: z.number(),
    service_name: z.string(),
    model_request: z.string(),
    model_response: z.string(),
    provider: z.string(),
    input_tokens: z.number(),
    output_tokens: z.number(),
    total_tokens: z.number(),
    cost_usd: z.number(),
    session_id: z.string(),
    user_id: z.string(),
    model_id: z.string(),
    environment: z.string(),
    input_preview: z.string(),
    output_preview: z.string(),
  })
  .openapi('SpanSummary')
