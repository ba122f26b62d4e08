/**
 * The store's `AssessmentRejected` as an API error: a status per reason and
 * the request field the reason is about, so every 4xx names its field.
 */
import { AssessmentRejected, type AssessmentRejection } from '@assay/store'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../../errors.js'

const MAPPING: Record<AssessmentRejection, { status: ContentfulStatusCode; field: string }> = {
  trace_not_found: { status: 404, field: 'path.traceId' },
  span_not_in_trace: { status: 400, field: 'body.span_id' },
  value_type: { status: 400, field: 'body.value' },
  assessment_not_found: { status: 404, field: 'path.id' },
  assessment_overridden: { status: 409, field: 'path.id' },
}

/** Awaits `work`, turning a rejection into the ApiError that answers it. */
export async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (!(error instanceof AssessmentRejected)) throw error
    const { status, field } = MAPPING[error.reason]
    throw new ApiError(status, `${field}: ${error.message}`, field)
  }
}
