import { DEFAULT_PRICE_TABLE, type SpanEventRow, type SpanRow } from '@assay/core'
import type { DecodedTracesRequest } from '../otlp/types.js'
import type { NormalizeContext } from './context.js'
import { propagateTraceFields } from './propagate.js'
import { readString } from './read.js'
import { quoteName, type Rejected, Rejections } from './rejections.js'
import { normalizeSpan } from './span.js'
import { spanProblem } from './validate.js'
import { stringifyAttributes } from './values.js'

/**
 * Decoded OTLP traces → `spans` and `span_events` rows. A span that fails
 * validation (see `validate.ts`) is rejected alone, with a reason naming
 * its position; its neighbours are normalized as usual.
 *
 * @example
 * const { spans, events, rejected } = normalizeTraces(decoded, { projectId: 'p1' })
 */
export interface TracesResult {
  spans: SpanRow[]
  events: SpanEventRow[]
  rejected: Rejected
}

export function normalizeTraces(request: DecodedTracesRequest, ctx: NormalizeContext): TracesResult {
  const spans: SpanRow[] = []
  const events: SpanEventRow[] = []
  const rejected = new Rejections()
  const prices = ctx.prices ?? DEFAULT_PRICE_TABLE
  request.resourceSpans.forEach((rs, i) => {
    const resource = rs.resource.attributes
    // Shared by every row of the resource: rows are never mutated after normalization.
    const resourceAttributes = stringifyAttributes(resource)
    const serviceName = readString(resource, 'service.name')
    const environment =
      readString(resource, 'deployment.environment.name') || readString(resource, 'deployment.environment')
    rs.scopeSpans.forEach((ss, j) => {
      const scope = {
        projectId: ctx.projectId,
        serviceName,
        scopeName: ss.scope.name,
        resourceAttributes,
        environment,
        prices,
      }
      ss.spans.forEach((span, k) => {
        const problem = spanProblem(span)
        if (problem) {
          rejected.add(`resourceSpans[${i}].scopeSpans[${j}].spans[${k}] ${quoteName(span.name)}: ${problem}`)
          return
        }
        const out = normalizeSpan(span, scope)
        spans.push(out.row)
        for (const e of out.events) events.push(e)
      })
    })
  })
  propagateTraceFields(spans)
  return { spans, events, rejected: rejected.result() }
}
