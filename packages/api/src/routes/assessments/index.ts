/**
 * Assessment routes: log, list (current or history), override, delete, and
 * the aggregates by name. Checks that need storage (the trace and span
 * exist, the value's type matches the name's earlier values) are the
 * store's; its rejections become 4xx answers in `answering`.
 */
import {
  aggregateAssessments,
  assessmentTimeseries,
  bucketCount,
  checkAssessmentTarget,
  deleteAssessment,
  isAssessmentId,
  listAssessmentHistory,
  listCurrentAssessments,
  logAssessment,
  MAX_BUCKETS,
  overrideAssessment,
} from '@assay/store'
import type { ApiDeps } from '../../deps.js'
import { ApiError } from '../../errors.js'
import { createRouter } from '../../router.js'
import { timeWindow } from '../../time-window.js'
import { aggregateAssessmentsRoute, assessmentTimeseriesRoute } from './aggregate-routes.js'
import { deleteAssessmentRoute, overrideAssessmentRoute } from './assessment-id-routes.js'
import { bucketWidthMs, DEFAULT_BUCKET } from './bucket-width.js'
import { answering } from './rejection.js'
import { createAssessmentRoute, listAssessmentsRoute } from './trace-assessment-routes.js'
import { traceFilter } from './trace-filter.js'

const TRACE_ID = /^[0-9a-f]{32}$/

function traceIdOf(raw: string): string {
  const traceId = raw.toLowerCase()
  if (!TRACE_ID.test(traceId))
    throw new ApiError(400, 'path.traceId: must be 32 hex characters', 'path.traceId')
  return traceId
}

function assessmentIdOf(raw: string): string {
  if (!isAssessmentId(raw)) {
    throw new ApiError(400, 'path.id: must be an assessment id (a- and 8 to 64 lowercase hex)', 'path.id')
  }
  return raw
}

export function assessmentRoutes(deps: ApiDeps) {
  const ch = deps.clickhouse
  return createRouter()
    .openapi(createAssessmentRoute, async (c) => {
      const traceId = traceIdOf(c.req.valid('param').traceId)
      const body = c.req.valid('json')
      if (body.value === undefined && !body.error) {
        throw new ApiError(400, 'body.value: required (or an error saying why there is none)', 'body.value')
      }
      const record = await answering(
        logAssessment(ch, {
          project_id: c.get('projectId'),
          trace_id: traceId,
          span_id: body.span_id?.toLowerCase(),
          type: body.type,
          name: body.name,
          value: body.value ?? '',
          error: body.error,
          rationale: body.rationale,
          source_type: body.source?.type,
          source_id: body.source?.id,
          run_id: body.run_id,
          metadata: body.metadata,
        }),
      )
      return c.json(record, 201)
    })
    .openapi(listAssessmentsRoute, async (c) => {
      const traceId = traceIdOf(c.req.valid('param').traceId)
      const projectId = c.get('projectId')
      const [items] = await answering(
        Promise.all([
          c.req.valid('query').history === 'true'
            ? listAssessmentHistory(ch, projectId, traceId)
            : listCurrentAssessments(ch, projectId, traceId),
          checkAssessmentTarget(ch, projectId, traceId),
        ]),
      )
      return c.json({ items }, 200)
    })
    .openapi(overrideAssessmentRoute, async (c) => {
      const id = assessmentIdOf(c.req.valid('param').id)
      const body = c.req.valid('json')
      const record = await answering(
        overrideAssessment(ch, {
          project_id: c.get('projectId'),
          assessment_id: id,
          value: body.value,
          rationale: body.rationale,
          source_type: body.source?.type,
          source_id: body.source?.id,
          metadata: body.metadata,
        }),
      )
      return c.json(record, 201)
    })
    .openapi(deleteAssessmentRoute, async (c) => {
      const id = assessmentIdOf(c.req.valid('param').id)
      await answering(deleteAssessment(ch, c.get('projectId'), id))
      return c.body(null, 204)
    })
    .openapi(aggregateAssessmentsRoute, async (c) => {
      const q = c.req.valid('query')
      const window = timeWindow(q.from, q.to)
      const filter = traceFilter(q.filter, ch.database)
      const aggregate = await aggregateAssessments(ch, {
        projectId: c.get('projectId'),
        name: q.name,
        ...window,
        filter,
        top: q.top,
      })
      return c.json({ ...aggregate, ...window }, 200)
    })
    .openapi(assessmentTimeseriesRoute, async (c) => {
      const q = c.req.valid('query')
      const window = timeWindow(q.from, q.to)
      const bucketMs = bucketWidthMs(q.bucket ?? DEFAULT_BUCKET)
      const count = bucketCount(BigInt(window.from), BigInt(window.to), bucketMs)
      if (count > MAX_BUCKETS) {
        throw new ApiError(
          400,
          `query.bucket: the window holds ${count} buckets of this width, at most ${MAX_BUCKETS}`,
          'query.bucket',
        )
      }
      const filter = traceFilter(q.filter, ch.database)
      const buckets = await assessmentTimeseries(ch, {
        projectId: c.get('projectId'),
        name: q.name,
        ...window,
        filter,
        bucketMs,
        top: q.top,
      })
      return c.json({ name: q.name, ...window, bucket_ms: bucketMs, buckets }, 200)
    })
}
