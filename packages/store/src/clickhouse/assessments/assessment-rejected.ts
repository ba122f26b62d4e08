/**
 * The one error the assessment operations raise for bad input: a reason the
 * API maps to a status, and the input field at fault so the message can
 * name it. Anything else thrown is a fault of the store, not of the caller.
 */

export type AssessmentRejection =
  /** The trace has no spans in this project (404). */
  | 'trace_not_found'
  /** The span id is not a span of the trace (400). */
  | 'span_not_in_trace'
  /** The value's type differs from the name's earlier values (400). */
  | 'value_type'
  /** No such assessment in this project, or it was deleted (404). */
  | 'assessment_not_found'
  /** The assessment was already overridden; act on its successor (409). */
  | 'assessment_overridden'

export class AssessmentRejected extends Error {
  override name = 'AssessmentRejected'
  constructor(
    readonly reason: AssessmentRejection,
    message: string,
    /** The input field at fault, e.g. `value` or `span_id`. */
    readonly field: string,
  ) {
    super(message)
  }
}
