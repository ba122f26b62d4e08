// Assessments: log, override, delete, per-trace lists with history, and aggregates by name.
export {
  type AggregateOptions,
  type AssessmentAggregate,
  aggregateAssessments,
} from './aggregate-assessments.js'
export { ASSESSMENT_ID_PATTERN, isAssessmentId, newAssessmentId } from './assessment-id.js'
export type { AssessmentRecord } from './assessment-record.js'
export { AssessmentRejected, type AssessmentRejection } from './assessment-rejected.js'
export {
  type AssessmentBucket,
  assessmentTimeseries,
  bucketCount,
  MAX_BUCKETS,
  type TimeseriesOptions,
} from './assessment-timeseries.js'
export { checkAssessmentTarget } from './check-target.js'
export { checkValueType, earlierValueType } from './check-value-type.js'
export { deleteAssessment } from './delete-assessment.js'
export { type FoundAssessment, findAssessment } from './find-assessment.js'
export { insertAssessments } from './insert-assessments.js'
export { listAssessments, listCurrentAssessments } from './list-assessments.js'
export { listAssessmentHistory } from './list-history.js'
export { logAssessment, type NewAssessment } from './log-assessment.js'
export { type AssessmentOverride, overrideAssessment } from './override-assessment.js'
export {
  groupRunItems,
  listRunAssessments,
  listRunItems,
  MAX_RUN_ASSESSMENTS,
  RUN_ITEM_OUTCOMES,
  type RunItemOutcome,
  type RunItemScores,
  type RunItemsOptions,
  type RunItemsPage,
  verdictOf,
} from './run-items.js'
export type { CategoryCount, ValueStats } from './value-stats.js'
