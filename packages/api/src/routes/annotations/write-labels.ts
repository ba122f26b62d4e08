/**
 * Checked labels as HUMAN assessments on the item's trace (its span for a
 * span item), `source_id` the labeller, with metadata naming the queue,
 * item and label schema. A label that the item already carries (the item
 * was submitted before) overrides that assessment instead: the first
 * stays in the history, not valid, and the item shows one current label
 * per schema. Runs inside the item's lock (`submitAnnotationLabels`), so
 * two submissions of one item do not both log a first label.
 */
import type { AnnotationItem } from '@assay/core'
import {
  type AssessmentRecord,
  AssessmentRejected,
  type CheckedLabel,
  type ClickHouse,
  listCurrentAssessments,
  logAssessment,
  overrideAssessment,
} from '@assay/store'
import { ApiError } from '../../errors.js'

export const ITEM_KEY = 'annotation_item_id'

/** The current assessments a queue item's labels wrote. */
export async function labelsOfItem(ch: ClickHouse, item: AnnotationItem): Promise<AssessmentRecord[]> {
  const current = await listCurrentAssessments(ch, item.projectId, item.traceId)
  return current.filter((a) => a.metadata[ITEM_KEY] === item.id && a.span_id === item.spanId)
}

export async function writeLabels(
  ch: ClickHouse,
  item: AnnotationItem,
  labels: CheckedLabel[],
  user: string,
): Promise<AssessmentRecord[]> {
  const earlier = await labelsOfItem(ch, item)
  const written: AssessmentRecord[] = []
  for (const [i, { schema, value, rationale }] of labels.entries()) {
    const metadata = { annotation_queue_id: item.queueId, [ITEM_KEY]: item.id, label_schema_id: schema.id }
    const previous = earlier.find((a) => a.name === schema.name)
    try {
      written.push(
        previous
          ? await overrideAssessment(ch, {
              project_id: item.projectId,
              assessment_id: previous.assessment_id,
              value,
              rationale,
              source_type: 'HUMAN',
              source_id: user,
              metadata,
            })
          : await logAssessment(ch, {
              project_id: item.projectId,
              trace_id: item.traceId,
              span_id: item.spanId,
              type: schema.type,
              name: schema.name,
              value,
              rationale,
              source_type: 'HUMAN',
              source_id: user,
              metadata,
            }),
      )
    } catch (error) {
      throw rejection(error, i)
    }
  }
  return written
}

/** A value of another type than the name's earlier values is the label's fault; a vanished trace the item's. */
function rejection(error: unknown, index: number): unknown {
  if (!(error instanceof AssessmentRejected)) return error
  if (error.reason === 'value_type')
    return new ApiError(400, `body.labels.${index}.value: ${error.message}`, `body.labels.${index}.value`)
  if (error.reason === 'trace_not_found' || error.reason === 'span_not_in_trace')
    return new ApiError(404, `path.itemId: the item's ${error.message}`, 'path.itemId')
  if (error.reason === 'assessment_overridden')
    return new ApiError(409, `body.labels.${index}: changed meanwhile, submit again`, `body.labels.${index}`)
  return error
}
