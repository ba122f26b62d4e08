// What online evaluation and judge calibration read from ClickHouse.
export { type AssessmentsByNameQuery, listAssessmentsByName } from './assessments-by-name.js'
export { type MatchingTracesQuery, matchingTraceIds } from './matching-trace-ids.js'
export { listSettledTraces, type SettledTrace, type SettledTracesQuery } from './settled-traces.js'
